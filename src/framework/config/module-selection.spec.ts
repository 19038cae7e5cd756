import { loadConfig } from './load-config';
import { selectModules } from './module-selection';

const problemsOf = (modules: Parameters<typeof selectModules>[0], redisUrl?: string) => selectModules(modules, redisUrl).problems;

describe('the file\'s modules, resolved', () => {
  it('switches commerce modules off, sorted, and keeps the default event bus', () => {
    const memory = { kind: 'memory', ttlSeconds: 30 };
    expect(selectModules({ promotion: false, cart: false }, undefined)).toEqual({
      selection: { disabled: ['cart', 'promotion'], eventBus: 'local', locking: 'postgres', cache: memory },
      problems: [],
    });
    expect(selectModules({}, 'redis://127.0.0.1:6379').selection).toEqual({ disabled: [], eventBus: 'redis', locking: 'postgres', cache: memory });
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
    expect(problemsOf({ event_bus: { resolve: 'local', options: { x: 1 } } })).toEqual(['modules.event_bus.options.x: unknown option (the event bus takes only redisUrl, which must be REDIS_URL)']);
    // Medusa's usual form carries over when it names the app's Redis
    const medusa = { resolve: '@medusajs/medusa/event-bus-redis', options: { redisUrl: 'redis://r:6379' } };
    expect(selectModules({ event_bus: medusa }, 'redis://r:6379')).toMatchObject({ selection: { eventBus: 'redis' }, problems: [] });
    expect(problemsOf({ event_bus: medusa }, 'redis://other:6379')).toEqual([
      "modules.event_bus.options.redisUrl: the event bus uses the app's Redis (projectConfig.redisUrl, REDIS_URL); a separate one is not supported",
    ]);
  });

  describe('locking', () => {
    const redis = 'redis://r:6379';
    const lockingOf = (locking: Parameters<typeof selectModules>[0][string], redisUrl?: string) => selectModules({ locking }, redisUrl);

    it('defaults to postgres, with or without Redis (checkout must not depend on Redis being up)', () => {
      expect(selectModules({}, redis).selection.locking).toBe('postgres');
      expect(selectModules({}, undefined).selection.locking).toBe('postgres');
    });

    it('chooses memory, redis or postgres by name or by Medusa provider name', () => {
      expect(lockingOf('memory', redis).selection.locking).toBe('memory');
      expect(lockingOf('postgres', redis).selection.locking).toBe('postgres');
      expect(lockingOf('@medusajs/medusa/locking-postgres', redis).selection.locking).toBe('postgres');
      expect(lockingOf({ resolve: '@medusajs/medusa/locking-redis' }, redis).selection.locking).toBe('redis');
      expect(lockingOf('@medusajs/locking-redis', redis).problems).toEqual([]);
    });

    it("takes Medusa's module form: the default provider, or the only one", () => {
      const medusa = {
        resolve: '@medusajs/medusa/locking',
        options: {
          providers: [
            { resolve: '@medusajs/medusa/locking-postgres', id: 'locking-postgres' },
            { resolve: '@medusajs/medusa/locking-redis', id: 'locking-redis', is_default: true, options: { redisUrl: redis } },
          ],
        },
      };
      expect(lockingOf(medusa, redis)).toEqual({ selection: { disabled: [], eventBus: 'redis', locking: 'redis', cache: { kind: 'memory', ttlSeconds: 30 } }, problems: [] });
      expect(lockingOf({ resolve: '@medusajs/medusa/locking', options: { providers: [{ resolve: '@medusajs/medusa/locking-postgres' }] } }, redis).selection.locking).toBe('postgres');
      // the module without providers keeps Stheno's default
      expect(lockingOf({ resolve: '@medusajs/medusa/locking' }, redis).selection.locking).toBe('postgres');
      expect(lockingOf({ resolve: '@medusajs/medusa/locking' }).selection.locking).toBe('postgres');
    });

    it('refuses, naming the path: redis without Redis, unknown names, ambiguous providers, options it does not read', () => {
      expect(lockingOf('redis').problems).toEqual(["modules.locking: 'redis' needs projectConfig.redisUrl (REDIS_URL)"]);
      expect(lockingOf({ resolve: '@medusajs/medusa/locking', options: { providers: [{ resolve: '@medusajs/medusa/locking-redis', is_default: true }] } }).problems).toEqual([
        "modules.locking.options.providers[0].resolve: 'redis' needs projectConfig.redisUrl (REDIS_URL)",
      ]);
      expect(lockingOf({ resolve: 'zookeeper' }).problems).toEqual([
        "modules.locking.resolve: expected 'memory', 'redis' or 'postgres' (or '@medusajs/medusa/locking-redis', '@medusajs/medusa/locking-postgres'), got 'zookeeper'",
      ]);
      expect(lockingOf({ options: { providers: [{ resolve: 'memory' }, { resolve: 'postgres' }] } }).problems).toEqual([
        'modules.locking.options.providers: several providers and none is_default; mark the one to use with is_default: true',
      ]);
      expect(lockingOf({ options: { providers: [{ resolve: 'memory', is_default: true }, { resolve: 'postgres', is_default: true }] } }).problems).toEqual([
        'modules.locking.options.providers: more than one provider is_default ([0], [1])',
      ]);
      expect(lockingOf({ resolve: 'postgres', options: { ttl: 1 } }).problems).toEqual(['modules.locking.options.ttl: unknown option (allowed: providers)']);
      expect(lockingOf({ options: { providers: [{ resolve: '@medusajs/medusa/locking-redis', options: { redisUrl: 'redis://other:6379', namespace: 'x' } }] } }, redis).problems).toEqual([
        'modules.locking.options.providers[0].options.redisUrl: a separate Redis for locking is not supported; locking uses projectConfig.redisUrl (REDIS_URL)',
        'modules.locking.options.providers[0].options.namespace: unknown option (the built-in locking providers take none; lock timeouts are per call)',
      ]);
      expect(problemsOf({ locking: false })).toEqual(['modules.locking: cannot be switched off (choose an implementation instead)']);
    });
  });

  it('chooses the cache by name or by Medusa package name, memory by default even with Redis configured', () => {
    const redisUrl = 'redis://r:6379';
    expect(selectModules({}, redisUrl).selection.cache).toEqual({ kind: 'memory', ttlSeconds: 30 });
    expect(selectModules({ cache: 'redis' }, redisUrl).selection.cache).toEqual({ kind: 'redis', ttlSeconds: 30 });
    expect(selectModules({ cache: '@medusajs/medusa/cache-redis' }, redisUrl).selection.cache.kind).toBe('redis');
    expect(selectModules({ cache: { resolve: '@medusajs/cache-inmemory', options: { ttl: 90 } } }, redisUrl).selection.cache).toEqual({ kind: 'memory', ttlSeconds: 90 });
    // Medusa's cache-redis requires options.redisUrl: the same Redis as the app's carries over
    expect(selectModules({ cache: { resolve: '@medusajs/cache-redis', options: { redisUrl, ttl: 2.5 } } }, redisUrl)).toEqual({
      selection: { disabled: [], eventBus: 'redis', locking: 'postgres', cache: { kind: 'redis', ttlSeconds: 2.5 } },
      problems: [],
    });
    expect(selectModules({ cache: { options: { ttl: 5 } } }, undefined).selection.cache).toEqual({ kind: 'memory', ttlSeconds: 5 });
  });

  it('refuses a Redis cache without Redis, a bad ttl, options it does not read, and switching the cache off', () => {
    expect(problemsOf({ cache: '@medusajs/medusa/cache-redis' })).toEqual(["modules.cache: 'redis' needs projectConfig.redisUrl (REDIS_URL)"]);
    expect(problemsOf({ cache: { resolve: 'redis' } })).toEqual(["modules.cache.resolve: 'redis' needs projectConfig.redisUrl (REDIS_URL)"]);
    expect(problemsOf({ cache: { resolve: 'memcached' } })).toEqual(["modules.cache.resolve: expected 'memory' or 'redis', got 'memcached'"]);
    expect(problemsOf({ cache: { options: { ttl: 0 } } })).toEqual(['modules.cache.options.ttl: expected a number of seconds greater than 0 (at most a year), got 0']);
    expect(problemsOf({ cache: { options: { ttl: '30' } } })[0]).toMatch(/^modules\.cache\.options\.ttl: .*got "30"$/);
    expect(problemsOf({ cache: { options: { redisUrl: 'redis://r:6379' } } })).toEqual(['modules.cache.options.redisUrl: unknown option (allowed: ttl)']);
    expect(problemsOf({ cache: { resolve: 'redis', options: { redisUrl: 'redis://other:6379', namespace: 'm' } } }, 'redis://r:6379')).toEqual([
      "modules.cache.options.redisUrl: the cache uses the app's Redis connection (projectConfig.redisUrl, REDIS_URL); a separate cache Redis is not supported",
      'modules.cache.options.namespace: not supported (cache keys live under `<redisPrefix>:cache:`: set projectConfig.redisPrefix (REDIS_PREFIX))',
    ]);
    expect(problemsOf({ cache: false })).toEqual([
      'modules.cache: cannot be switched off (the api key cache and the store response cache use it; STORE_RESPONSE_CACHE_MB=0 turns the response cache off)',
    ]);
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
    expect(loadConfig({}, '/srv/app', { modules: { notification: false } }).modules).toEqual({
      disabled: ['notification'],
      eventBus: 'local',
      locking: 'postgres',
      cache: { kind: 'memory', ttlSeconds: 30 },
    });
    expect(() => loadConfig({}, '/srv/app', { modules: { cache: 'redis' } })).toThrow(/modules\.cache: 'redis' needs projectConfig\.redisUrl \(REDIS_URL\)/);
    expect(loadConfig({ REDIS_URL: 'redis://r:6379' }, '/srv/app', { modules: { cache: { resolve: '@medusajs/medusa/cache-redis', options: { ttl: 60 } } } }).modules.cache).toEqual({
      kind: 'redis',
      ttlSeconds: 60,
    });
  });
});
