import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { systemContext } from '../../../src/framework/context/context';
import { EventJobData } from '../../../src/framework/events/bull-dispatcher';
import { DomainEvent, EVENTS_QUEUE } from '../../../src/framework/events/domain-event';
import { EventBus } from '../../../src/framework/events/event-bus.service';
import { ConcurrencySubscribersModule, observed } from '../../fixtures/concurrency-subscribers.fixture';
import { waitFor } from '../../fixtures/recording-subscribers.fixture';
import { createTestApp, TestApp } from '../../utils/create-test-app';

// Bull needs Redis; without it delivery is in-process (retries: local-dispatcher.spec.ts)
if (!process.env.REDIS_URL) {
  describe('event delivery without Redis', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ imports: [ConcurrencySubscribersModule] });
    });
    afterAll(() => t?.close());

    it('has no Bull queue and delivers to every subscriber in-process', async () => {
      expect(() => t.app.get(getQueueToken(EVENTS_QUEUE), { strict: false })).toThrow();
      const ctx = systemContext(t.app.get(MikroORM).em as EntityManager);
      const event = t.app.get(EventBus).record(ctx, 'test.concurrency', {});
      await ctx.em.flush();
      await waitFor(() => ['test-serial', 'test-parallel'].every((s) => observed.get(s)?.handled.includes(event.id)), 10000, 'in-process delivery');
    });
  });
}

if (process.env.REDIS_URL) describe('event jobs on Bull: one named processor per subscriber', () => {
  let t: TestApp;
  let queue: Queue<EventJobData>;
  beforeAll(async () => {
    t = await createTestApp({ imports: [ConcurrencySubscribersModule] });
    queue = t.app.get(getQueueToken(EVENTS_QUEUE));
  });
  afterAll(() => t?.close());

  const handled = (subscriber: string) => observed.get(subscriber)?.handled ?? [];

  it("runs each subscriber's jobs with its own concurrency, in jobs named after the subscriber", async () => {
    const ctx = systemContext(t.app.get(MikroORM).em as EntityManager);
    const events = Array.from({ length: 8 }, (_, i) => t.app.get(EventBus).record(ctx, 'test.concurrency', { n: i }));
    await ctx.em.flush();
    const ids = events.map((e) => e.id);
    await waitFor(() => ids.every((id) => handled('test-serial').includes(id) && handled('test-parallel').includes(id)), 20000, 'all deliveries');

    expect(observed.get('test-serial')!.peak).toBe(1);
    // Bull pools the fetch loops of all named processors, the limit caps each subscriber at its concurrency
    expect(observed.get('test-parallel')!.peak).toBeGreaterThan(1);
    expect(observed.get('test-parallel')!.peak).toBeLessThanOrEqual(3);

    const completed = await queue.getCompleted();
    const first = completed.filter((job) => job.data.event.id === ids[0]);
    expect(first.map((job) => [job.name, job.id]).sort()).toEqual([
      ['test-parallel', `${ids[0]}:test-parallel`],
      ['test-serial', `${ids[0]}:test-serial`],
    ]);
  });

  const legacyEvent = (): DomainEvent => ({ id: `evt_legacy_${Date.now()}`, name: 'test.concurrency', data: {}, metadata: { occurred_at: new Date().toISOString() } });

  it('still runs a job queued by an older release, named by its event', async () => {
    const event = legacyEvent();
    const job = await queue.add('test.concurrency', { subscriber_id: 'test-serial', event }, { jobId: `${event.id}:test-serial` });
    await waitFor(() => handled('test-serial').includes(event.id), 10000, 'legacy job');
    await waitFor(async () => (await queue.getJob(job.id!))?.finishedOn !== undefined, 5000, 'legacy job completed');
    expect(await (await queue.getJob(job.id!))!.getState()).toBe('completed');
  });

  it('fails a job of a subscriber this process does not have, with a message that names it', async () => {
    const event = legacyEvent();
    const unknownName = await queue.add('test-retired-subscriber', { subscriber_id: 'test-retired-subscriber', event }, { jobId: `${event.id}:retired`, attempts: 1 });
    const byEvent = await queue.add('test.concurrency', { subscriber_id: 'test-retired-subscriber', event }, { jobId: `${event.id}:retired-old`, attempts: 1 });
    for (const job of [unknownName, byEvent]) {
      await waitFor(async () => (await (await queue.getJob(job.id!))?.getState()) === 'failed', 10000, `job ${job.id} failed`);
      expect((await queue.getJob(job.id!))!.failedReason).toContain("No subscriber 'test-retired-subscriber' is registered in this process");
    }
  });
});
