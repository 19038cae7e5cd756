import { EventEmitter } from 'node:events';
import type { Queue } from 'bull';
import { BullDispatcher, EventJobData } from './bull-dispatcher';
import { DomainEvent, RegisteredSubscriber } from './domain-event';

const event: DomainEvent = { id: 'evt_1', name: 'order.placed', data: { id: 'order_1' }, metadata: { occurred_at: '2024-01-01T00:00:00.000Z' } };
const subscribers: RegisteredSubscriber[] = ['confirmation', 'loyalty'].map((id) => ({
  options: { id, events: [event.name], attempts: 3, backoffMs: 1000, concurrency: 1 },
  handler: { handle: async () => undefined },
}));

/** A Bull queue reduced to what the dispatcher touches: `add`, and the ioredis client's status and events. */
function queueWithClient(status: string) {
  const client = Object.assign(new EventEmitter(), { status });
  const add = jest.fn(async () => ({}));
  return { queue: { client, add } as unknown as Queue<EventJobData>, client, add };
}

describe('BullDispatcher', () => {
  it('adds one job per subscriber, with the deterministic job id, when Redis is connected', async () => {
    const { queue, add } = queueWithClient('ready');
    await expect(new BullDispatcher(queue).dispatch(event, subscribers)).resolves.toEqual({ failed: [] });
    expect(add.mock.calls.map((call: unknown[]) => (call[2] as { jobId: string }).jobId)).toEqual(['evt_1:confirmation', 'evt_1:loyalty']);
  });

  it('adds nothing while Redis is unreachable and rejects quickly, so the relay can give the event back', async () => {
    // an add made now would wait in ioredis's offline queue for the whole outage, one more on every retry
    const { queue, client, add } = queueWithClient('reconnecting');
    const started = Date.now();
    await expect(new BullDispatcher(queue, 100).dispatch(event, subscribers)).rejects.toThrow(/Redis is not connected \(reconnecting\)/);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(add).not.toHaveBeenCalled();
    // and leaves no listener behind on the client
    expect(client.listenerCount('ready')).toBe(0);
  });

  it('shares one wait among concurrent dispatches, and adds once the connection is ready', async () => {
    const { queue, client, add } = queueWithClient('connecting');
    const dispatcher = new BullDispatcher(queue, 5000);
    const pending = [dispatcher.dispatch(event, subscribers), dispatcher.dispatch({ ...event, id: 'evt_2' }, subscribers)];
    expect(client.listenerCount('ready')).toBe(1);
    expect(add).not.toHaveBeenCalled();
    client.status = 'ready';
    client.emit('ready');
    await Promise.all(pending);
    expect(add).toHaveBeenCalledTimes(4);
  });
});
