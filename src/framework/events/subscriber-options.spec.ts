import { DiscoveryService, Reflector } from '@nestjs/core';
import { SubscriberOptions } from './domain-event';
import { validateSubscriberOptions } from './subscriber-options';
import { SubscriberRegistry } from './subscriber-registry';

const valid: SubscriberOptions = { id: 'order-confirmation', events: ['order.placed'] };
const handler = { handle: async () => undefined };

describe('subscriber options at registration', () => {
  it('fills in the defaults for a minimal declaration', () => {
    expect(validateSubscriberOptions(valid)).toEqual({ id: 'order-confirmation', events: ['order.placed'], attempts: 3, backoffMs: 1000, concurrency: 1 });
  });

  it('keeps explicit options, and treats an undefined option as absent', () => {
    expect(validateSubscriberOptions({ ...valid, attempts: 1, backoffMs: 0, concurrency: 8 })).toMatchObject({ attempts: 1, backoffMs: 0, concurrency: 8 });
    expect(validateSubscriberOptions({ ...valid, attempts: undefined }).attempts).toBe(3);
  });

  it.each([
    [{ attempts: 0 }, 'attempts must be an integer >= 1, got 0'],
    [{ attempts: 1.5 }, 'attempts must be an integer >= 1, got 1.5'],
    [{ backoffMs: -1 }, 'backoffMs must be a number >= 0, got -1'],
    [{ backoffMs: Number.NaN }, 'backoffMs must be a number >= 0'],
    [{ concurrency: 0 }, 'concurrency must be an integer >= 1, got 0'],
    [{ concurrency: 2.5 }, 'concurrency must be an integer >= 1, got 2.5'],
    [{ events: [] }, 'events must name at least one event'],
    [{ events: ['order.placed', ''] }, 'events must be non-empty names without spaces (no wildcard), got ""'],
    [{ events: ['*'] }, 'no wildcard'],
    [{ events: ['order.placed', 'order.placed'] }, 'events lists "order.placed" more than once'],
    [{ id: '' }, 'id must be 1-128 letters'],
    [{ id: 'has:colon' }, 'got "has:colon"'],
    [{ id: '*' }, 'got "*"'],
    [{ id: 'with space' }, 'got "with space"'],
    [{ id: '-leading-dash' }, 'got "-leading-dash"'],
    [{ id: 'x'.repeat(129) }, 'id must be 1-128 letters'],
  ] as Array<[Partial<SubscriberOptions>, string]>)('rejects %j with a message that says what is wrong', (override, message) => {
    expect(() => validateSubscriberOptions({ ...valid, ...override }, 'SomeSubscriber')).toThrow(message);
  });

  it('names the subscriber and its class, and lists every problem at once', () => {
    expect(() => validateSubscriberOptions({ id: 'mailer', events: [], attempts: 0, concurrency: 0 }, 'MailerSubscriber')).toThrow(
      "Invalid subscriber 'mailer' declared by MailerSubscriber: events must name at least one event; attempts must be an integer >= 1, got 0; concurrency must be an integer >= 1, got 0",
    );
  });

  it('accepts ids with dots, underscores and digits', () => {
    expect(validateSubscriberOptions({ ...valid, id: 'plugin.hello_world-2' }).id).toBe('plugin.hello_world-2');
    expect(validateSubscriberOptions({ ...valid, id: 'a' }).id).toBe('a');
  });

  describe('SubscriberRegistry.register', () => {
    const registry = () => new SubscriberRegistry({} as DiscoveryService, {} as Reflector);

    it('refuses invalid options and registers nothing', () => {
      const r = registry();
      expect(() => r.register({ ...valid, concurrency: 0 }, handler, 'Broken')).toThrow("Invalid subscriber 'order-confirmation' declared by Broken");
      expect(r.all()).toEqual([]);
      expect(r.forEvent('order.placed')).toEqual([]);
    });

    it('registers a valid subscriber with its defaults, indexed by each event', () => {
      const r = registry();
      r.register({ id: 'two-events', events: ['a.created', 'a.updated'], concurrency: 3 }, handler);
      expect(r.get('two-events')?.options).toEqual({ id: 'two-events', events: ['a.created', 'a.updated'], attempts: 3, backoffMs: 1000, concurrency: 3 });
      expect(r.forEvent('a.updated').map((s) => s.options.id)).toEqual(['two-events']);
    });

    it('refuses a second subscriber with the same id', () => {
      const r = registry();
      r.register(valid, handler);
      expect(() => r.register(valid, handler)).toThrow("Two subscribers share the id 'order-confirmation'");
    });
  });
});
