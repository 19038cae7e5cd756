import { loadConfig } from './load-config';
import { selectModules } from './module-selection';

const problemsOf = (modules: Parameters<typeof selectModules>[0], redisUrl?: string) => selectModules(modules, redisUrl).problems;

describe('the file\'s modules, resolved', () => {
  it('switches commerce modules off, sorted, and keeps the default event bus', () => {
    expect(selectModules({ promotion: false, cart: false }, undefined)).toEqual({ selection: { disabled: ['cart', 'promotion'], eventBus: 'local' }, problems: [] });
    expect(selectModules({}, 'redis://127.0.0.1:6379').selection).toEqual({ disabled: [], eventBus: 'redis' });
  });

  it('refuses to switch off what every request needs, naming why', () => {
    expect(problemsOf({ api_key: false, store: false })).toEqual([
      'modules.api_key: cannot be switched off (publishable keys guard every /store route and secret keys the admin API)',
      'modules.store: cannot be switched off (the store is what every storefront and admin call starts from)',
    ]);
    expect(problemsOf({ event_bus: false })).toEqual(['modules.event_bus: cannot be switched off (choose an implementation instead)']);
  });

  it('chooses the event bus by name or by Medusa package name; redis needs a Redis URL', () => {
    expect(selectModules({ event_bus: 'local' }, 'redis://r:6379').selection.eventBus).toBe('local');
    expect(selectModules({ event_bus: { resolve: '@medusajs/medusa/event-bus-local' } }, 'redis://r:6379').selection.eventBus).toBe('local');
    expect(selectModules({ event_bus: '@medusajs/event-bus-redis' }, 'redis://r:6379').selection.eventBus).toBe('redis');
    expect(problemsOf({ event_bus: 'redis' })).toEqual(["modules.event_bus: 'redis' needs projectConfig.redisUrl (REDIS_URL)"]);
    expect(problemsOf({ event_bus: { resolve: 'kafka' } })).toEqual(["modules.event_bus.resolve: expected 'local' or 'redis', got 'kafka'"]);
    expect(problemsOf({ event_bus: { resolve: 'local', options: { x: 1 } } })).toEqual(['modules.event_bus.options: the built-in event bus takes no options']);
  });

  it('refuses cache and locking implementations Stheno does not have, instead of ignoring them', () => {
    expect(problemsOf({ cache: 'memory', locking: '@medusajs/medusa/locking-postgres' })).toEqual([]);
    expect(problemsOf({ cache: '@medusajs/cache-redis' })[0]).toMatch(/^modules\.cache: only 'memory' is available .*got '@medusajs\/cache-redis'$/);
    expect(problemsOf({ locking: { resolve: 'redis' } })[0]).toMatch(/^modules\.locking\.resolve: only 'postgres' is available/);
  });

  it('accepts the built-in module by its Medusa name, refuses a replacement, and refuses options a module does not read', () => {
    expect(problemsOf({ payment: { resolve: '@medusajs/medusa/payment', options: { providers: [] } }, sales_channel: '@medusajs/sales-channel' })).toEqual([]);
    expect(problemsOf({ product: './my-product-module' })).toEqual([
      "modules.product: replacing a whole built-in module is not supported; switch it off with false, or give it providers in modules.product.options.providers (got './my-product-module')",
    ]);
    expect(problemsOf({ product: { options: { cache: true } }, payment: { options: { providers: [], webhooks: 1 } } })).toEqual([
      'modules.product.options.cache: unknown option (the product module takes no options)',
      'modules.payment.options.webhooks: unknown option (allowed: providers)',
    ]);
  });

  it('stops loadConfig with every problem, and carries the selection into the config', () => {
    expect(() => loadConfig({}, '/srv/app', { modules: { user: false, event_bus: 'redis' } })).toThrow(
      /modules\.user: cannot be switched off[\s\S]*modules\.event_bus: 'redis' needs projectConfig\.redisUrl/,
    );
    expect(loadConfig({}, '/srv/app', { modules: { notification: false } }).modules).toEqual({ disabled: ['notification'], eventBus: 'local' });
  });
});
