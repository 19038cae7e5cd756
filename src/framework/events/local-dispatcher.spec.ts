import { Logger } from '@nestjs/common';
import { DomainEvent, RegisteredSubscriber } from './domain-event';
import { LocalDispatcher } from './local-dispatcher';

const event: DomainEvent = {
  id: 'evt_1',
  name: 'product.created',
  data: { id: 'prod_1' },
  metadata: { occurred_at: '2024-01-01T00:00:00.000Z' },
};

function subscriber(id: string, handle: (e: DomainEvent) => Promise<void>, attempts = 3, backoffMs = 1): RegisteredSubscriber {
  return {
    options: { id, events: [event.name], attempts, backoffMs, concurrency: 1 },
    handler: { handle: jest.fn(handle) },
  };
}

/** A handler that rejects `failures` times, then resolves. */
function failingTimes(failures: number): (e: DomainEvent) => Promise<void> {
  let calls = 0;
  return async () => {
    calls += 1;
    if (calls <= failures) throw new Error(`failure ${calls}`);
  };
}

describe('LocalDispatcher', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  it('delivers the event to every subscriber once when all succeed', async () => {
    const a = subscriber('a', async () => undefined);
    const b = subscriber('b', async () => undefined);
    const outcome = await new LocalDispatcher().dispatch(event, [a, b]);
    expect(outcome).toEqual({ failed: [], interrupted: false });
    expect(a.handler.handle).toHaveBeenCalledTimes(1);
    expect(a.handler.handle).toHaveBeenCalledWith(event);
    expect(b.handler.handle).toHaveBeenCalledTimes(1);
  });

  it('retries a subscriber that fails twice and does not report it failed', async () => {
    const flaky = subscriber('flaky', failingTimes(2));
    const outcome = await new LocalDispatcher().dispatch(event, [flaky]);
    expect(flaky.handler.handle).toHaveBeenCalledTimes(3);
    expect(outcome.failed).toEqual([]);
  });

  it('reports a subscriber that always fails after its attempts, while a sibling runs exactly once', async () => {
    const broken = subscriber('broken', failingTimes(Infinity), 4);
    const sibling = subscriber('sibling', async () => undefined);
    const outcome = await new LocalDispatcher().dispatch(event, [broken, sibling]);
    expect(outcome.failed).toEqual(['broken']);
    expect(broken.handler.handle).toHaveBeenCalledTimes(4);
    expect(sibling.handler.handle).toHaveBeenCalledTimes(1);
  });

  it('lists every failed subscriber by id, in subscriber order', async () => {
    const subscribers = [
      subscriber('first', failingTimes(Infinity), 1),
      subscriber('ok', async () => undefined),
      subscriber('second', failingTimes(Infinity), 2),
    ];
    const outcome = await new LocalDispatcher().dispatch(event, subscribers);
    expect(outcome.failed).toEqual(['first', 'second']);
  });

  it('waits with exponential backoff between attempts', async () => {
    const times: number[] = [];
    const slow: RegisteredSubscriber = {
      options: { id: 'slow', events: [event.name], attempts: 3, backoffMs: 20, concurrency: 1 },
      handler: {
        handle: async () => {
          times.push(Date.now());
          throw new Error('nope');
        },
      },
    };
    await new LocalDispatcher().dispatch(event, [slow]);
    expect(times).toHaveLength(3);
    // 20 ms then 40 ms (timers may fire a millisecond early)
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(19);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(39);
  });

  it('stops retrying once closed and reports the delivery interrupted, not failed', async () => {
    const dispatcher = new LocalDispatcher();
    await dispatcher.close();
    const broken = subscriber('broken', failingTimes(Infinity), 5);
    const outcome = await dispatcher.dispatch(event, [broken]);
    expect(broken.handler.handle).toHaveBeenCalledTimes(1);
    expect(outcome).toEqual({ failed: [], interrupted: true });
  });

  it('cuts a backoff wait short when closed during it', async () => {
    const dispatcher = new LocalDispatcher();
    const broken = subscriber('broken', failingTimes(Infinity), 5, 10000);
    const started = Date.now();
    const delivery = dispatcher.dispatch(event, [broken]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await dispatcher.close();
    expect(await delivery).toEqual({ failed: [], interrupted: true });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports nothing for an event without subscribers', async () => {
    await expect(new LocalDispatcher().dispatch(event, [])).resolves.toEqual({ failed: [], interrupted: false });
  });
});
