import { MikroORM } from '@mikro-orm/core';
import { createTestApp, TestApp } from '../../utils/create-test-app';
import { handlerRuns, IdempotentRoutesFixtureModule } from '../../fixtures/idempotent-routes.fixture';

/** `Idempotency-Key`: the first response is replayed, never recomputed; misuse is refused. */
describe('Idempotency-Key', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ imports: [IdempotentRoutesFixtureModule] });
  });
  afterAll(() => t.close());

  const charge = (body: Record<string, unknown>, key?: string) => {
    const req = t.raw().post('/test/charges');
    return key === undefined ? req.send(body) : req.set('Idempotency-Key', key).send(body);
  };
  const keyRows = async (): Promise<number> => {
    const [row] = await t.app.get(MikroORM).em.fork().getConnection().execute<Array<{ n: string }>>('select count(*) as n from idempotency_key');
    return Number(row.n);
  };

  it('runs once and replays the first response for the same key and request', async () => {
    const first = await charge({ amount: 101 }, 'key-101');
    expect(first.status).toBe(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await charge({ amount: 101 }, 'key-101');
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(handlerRuns.get(101)).toBe(1);
  });

  it('runs every request without a key', async () => {
    await charge({ amount: 102 });
    await charge({ amount: 102 });
    expect(handlerRuns.get(102)).toBe(2);
  });

  it('runs concurrent requests with one key once; every caller gets the same answer', async () => {
    const responses = await Promise.all(Array.from({ length: 6 }, () => charge({ amount: 103 }, 'key-103')));
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(new Set(responses.map((r) => r.body.charge)).size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(5);
    expect(handlerRuns.get(103)).toBe(1);
  });

  it('refuses the same key with a different request, running nothing', async () => {
    await charge({ amount: 104 }, 'key-104');
    const other = await charge({ amount: 105 }, 'key-104');
    expect(other.status).toBe(400);
    expect(other.body).toEqual({ type: 'invalid_data', message: expect.stringContaining('different request') });
    expect(handlerRuns.get(105)).toBeUndefined();
  });

  it('replays a 4xx answer as it was', async () => {
    const first = await charge({ amount: 106, outcome: 'refuse' }, 'key-106');
    expect(first.status).toBe(400);
    const again = await charge({ amount: 106, outcome: 'refuse' }, 'key-106');
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ type: 'not_allowed', message: 'Charge 106 refused' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(handlerRuns.get(106)).toBe(1);
  });

  it('keeps no answer for a 5xx, so the client may retry with the same key', async () => {
    const first = await charge({ amount: 107, outcome: 'crash' }, 'key-107');
    expect(first.status).toBe(500);
    const again = await charge({ amount: 107, outcome: 'crash' }, 'key-107');
    expect(again.status).toBe(500);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(handlerRuns.get(107)).toBe(2);
  });

  it('refuses malformed keys before running anything', async () => {
    const before = await keyRows();
    for (const key of ['', 'x'.repeat(256), 'has space']) {
      const res = await charge({ amount: 108 }, key);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('invalid_data');
    }
    expect(handlerRuns.get(108)).toBeUndefined();
    expect(await keyRows()).toBe(before);
  });

  it('runs validation-failed requests through the same rules (a 400 is stored and replayed)', async () => {
    const first = await charge({ amount: 'many' }, 'key-109');
    expect(first.status).toBe(400);
    const again = await charge({ amount: 'many' }, 'key-109');
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
  });
});
