import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, systemContext } from '../../../src/framework/context/context';
import { EventBus } from '../../../src/framework/events/event-bus.service';
import { createFlow, createStep, runFlow, StepResult } from '../../../src/framework/flows/flow';
import { Widget } from '../../fixtures/widgets.fixture';
import { createWidgetsApp } from '../../fixtures/widgets';
import { TestApp } from '../../utils/create-test-app';

/** Flows: steps in one transaction, compensations in reverse on failure, the original error rethrown. */
describe('flows', () => {
  let t: TestApp;
  let journal: string[];
  let external: Set<string>;

  beforeAll(async () => {
    t = await createWidgetsApp();
  });
  afterAll(() => t.close());
  beforeEach(() => {
    journal = [];
    external = new Set();
  });

  const ctx = (): Context => systemContext(t.app.get(MikroORM).em as EntityManager);
  const count = async (name: string): Promise<number> => {
    const em = t.app.get(MikroORM).em.fork() as EntityManager;
    const [widgets, events] = await Promise.all([
      em.count(Widget, { handle: name }),
      em.getConnection().execute<Array<{ n: string }>>(`select count(*) as n from event_outbox where data->>'handle' = ?`, [name]),
    ]);
    return widgets + Number(events[0].n);
  };

  const createWidget = createStep(
    'create-widget',
    async (handle: string, c: Context) => {
      const widget = c.em.create(Widget, { title: handle, handle, rank: 0, metadata: null });
      t.app.get(EventBus).record(c, 'widget.created', { id: widget.id, handle });
      await c.em.flush();
      journal.push('invoke:create-widget');
      return new StepResult(widget.id, widget.id);
    },
    async (id: string) => {
      journal.push(`compensate:create-widget:${id.slice(0, 4)}`);
    },
  );
  const chargeCard = createStep(
    'charge-card',
    async (amount: number) => {
      const charge = `charge-${amount}`;
      external.add(charge);
      journal.push('invoke:charge-card');
      return charge;
    },
    async (charge: string) => {
      external.delete(charge);
      journal.push('compensate:charge-card');
    },
  );
  const failing = createStep('send-to-warehouse', async (): Promise<never> => {
    journal.push('invoke:send-to-warehouse');
    throw new Error('warehouse is down');
  });

  it('commits every step together when all succeed', async () => {
    const flow = createFlow('place-widget-order', async (run, input: { handle: string }) => {
      const id = await run(createWidget, input.handle);
      const charge = await run(chargeCard, 10);
      return { id, charge };
    });
    const result = await runFlow(ctx(), flow, { handle: 'ok-1' });
    expect(result.charge).toBe('charge-10');
    expect(await count('ok-1')).toBe(2);
    expect(journal).toEqual(['invoke:create-widget', 'invoke:charge-card']);
  });

  it('when the third step fails: compensates step two then step one, rolls back, rethrows the original error', async () => {
    const flow = createFlow('place-widget-order', async (run, input: { handle: string }) => {
      await run(createWidget, input.handle);
      await run(chargeCard, 20);
      await run(failing, undefined);
    });
    const error = await runFlow(ctx(), flow, { handle: 'fail-1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('warehouse is down');
    expect(journal).toEqual([
      'invoke:create-widget',
      'invoke:charge-card',
      'invoke:send-to-warehouse',
      'compensate:charge-card',
      'compensate:create-widget:wid_',
    ]);
    expect(external.size).toBe(0);
    // the widget and its outbox event were in the rolled-back transaction
    expect(await count('fail-1')).toBe(0);
  });

  it('a nested flow joins the outer transaction and compensation stack', async () => {
    const inner = createFlow('charge', async (run, amount: number) => run(chargeCard, amount));
    const outer = createFlow('outer', async (run, handle: string, c) => {
      await run(createWidget, handle);
      await runFlow(c, inner, 30);
      await run(failing, undefined);
    });
    await expect(runFlow(ctx(), outer, 'nested-1')).rejects.toThrow('warehouse is down');
    expect(journal.slice(-2)).toEqual(['compensate:charge-card', 'compensate:create-widget:wid_']);
    expect(await count('nested-1')).toBe(0);
  });

  it('compensates a parallel step that finishes after its sibling failed', async () => {
    const slowCharge = createStep(
      'slow-charge',
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        external.add('slow-charge');
        return 'slow-charge';
      },
      async (charge: string) => {
        external.delete(charge);
        journal.push('compensate:slow-charge');
      },
    );
    const flow = createFlow('parallel', async (run) => {
      await Promise.all([run(slowCharge, undefined), run(failing, undefined)]);
    });
    await expect(runFlow(ctx(), flow, undefined)).rejects.toThrow('warehouse is down');
    expect(journal).toContain('compensate:slow-charge');
    expect(external.size).toBe(0);
  });

  it('a failing compensation does not hide the original error and the others still run', async () => {
    const brokenUndo = createStep(
      'reserve',
      async () => 'r1',
      async () => {
        journal.push('compensate:reserve');
        throw new Error('undo failed');
      },
    );
    const flow = createFlow('with-broken-undo', async (run) => {
      await run(chargeCard, 40);
      await run(brokenUndo, undefined);
      await run(failing, undefined);
    });
    const error = (await runFlow(ctx(), flow, undefined).catch((e: unknown) => e)) as Error & { compensationFailures?: Error };
    expect(error.message).toBe('warehouse is down');
    expect(error.compensationFailures?.message).toMatch(/1 compensation/);
    expect(journal).toContain('compensate:charge-card');
    expect(external.size).toBe(0);
  });
});
