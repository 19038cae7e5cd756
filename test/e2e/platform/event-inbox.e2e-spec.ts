import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { generateId } from '../../../src/framework/database/ids';
import { DomainEvent } from '../../../src/framework/events/domain-event';
import { EventInbox } from '../../../src/framework/events/event-inbox.service';
import { SubscriberRegistry } from '../../../src/framework/events/subscriber-registry';
import { INBOX_EFFECT_TABLE_SQL, INBOX_SUBSCRIBER_ID, InboxSubscriberModule } from '../../fixtures/inbox-subscriber.fixture';
import { createTestApp, TestApp } from '../../utils/create-test-app';

function anEvent(data: Record<string, unknown> = {}): DomainEvent {
  return { id: generateId('evt'), name: 'test.inbox', data, metadata: { occurred_at: new Date().toISOString() } };
}

describe('event inbox: exactly-once effects under redelivery', () => {
  let t: TestApp;
  let em: () => EntityManager;
  const effects = async (eventId: string) =>
    Number((await em().execute<Array<{ n: string }>>('select count(*) as n from test_inbox_effect where event_id = ?', [eventId]))[0].n);
  const inboxRows = async (eventId: string) => em().execute<Array<{ subscriber_id: string }>>('select subscriber_id from event_inbox where event_id = ?', [eventId]);

  beforeAll(async () => {
    t = await createTestApp({ imports: [InboxSubscriberModule] });
    em = () => t.app.get(MikroORM).em.fork() as EntityManager;
    await em().execute(INBOX_EFFECT_TABLE_SQL);
  });
  afterAll(() => t?.close());

  const deliver = (event: DomainEvent) => t.app.get(SubscriberRegistry).get(INBOX_SUBSCRIBER_ID)!.handler.handle(event);

  it('applies an event delivered twice at the same time exactly once', async () => {
    const event = anEvent();
    await Promise.all([deliver(event), deliver(event)]);
    expect(await effects(event.id)).toBe(1);
    expect(await inboxRows(event.id)).toEqual([{ subscriber_id: INBOX_SUBSCRIBER_ID }]);
  });

  it('skips a later redelivery of an applied event and says so', async () => {
    const event = anEvent();
    const inbox = t.app.get(EventInbox);
    const first = await inbox.once(event, 'test-direct', async (ctx) => {
      await ctx.em.execute('insert into test_inbox_effect (event_id, subscriber_id) values (?, ?)', [event.id, 'test-direct']);
      return 'done';
    });
    const again = await inbox.once(event, 'test-direct', async () => {
      throw new Error('must not run');
    });
    expect(first).toEqual({ applied: true, result: 'done' });
    expect(again).toEqual({ applied: false });
    expect(await inbox.processed(event.id, 'test-direct')).toBe(true);
    expect(await effects(event.id)).toBe(1);
  });

  it('keeps no inbox row and no effect when the effect fails, so the retry applies it', async () => {
    const event = anEvent({ fail_once: true });
    await expect(deliver(event)).rejects.toThrow('effect failed after writing');
    expect(await effects(event.id)).toBe(0);
    expect(await inboxRows(event.id)).toEqual([]);
    await deliver(event);
    expect(await effects(event.id)).toBe(1);
  });

  it('tracks each subscriber separately: one event applies once per subscriber', async () => {
    const event = anEvent();
    const inbox = t.app.get(EventInbox);
    const ran: string[] = [];
    for (const subscriber of ['test-a', 'test-b', 'test-a']) {
      await inbox.once(event, subscriber, async () => {
        ran.push(subscriber);
      });
    }
    expect(ran).toEqual(['test-a', 'test-b']);
  });

  it('prunes rows older than the given hours and keeps the rest', async () => {
    const old = generateId('evt');
    const fresh = generateId('evt');
    await em().execute(`insert into event_inbox (event_id, subscriber_id, processed_at) values (?, 'test-prune', now() - interval '49 hours'), (?, 'test-prune', now() - interval '47 hours')`, [old, fresh]);
    const inbox = t.app.get(EventInbox);
    expect(await inbox.prune(48)).toBeGreaterThanOrEqual(1);
    expect(await inbox.processed(old, 'test-prune')).toBe(false);
    expect(await inbox.processed(fresh, 'test-prune')).toBe(true);
    await expect(inbox.prune(-1)).rejects.toThrow('prune needs a number of hours >= 0');
  });
});
