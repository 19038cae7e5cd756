import { Logger } from '@nestjs/common';
import { Context, inTransaction } from '../context/context';

/**
 * Flows: cross-module writes as a sequence of small steps (ARCHITECTURE §4.3). A flow runs in one
 * database transaction by default, so the database effects of every step commit or roll back
 * together. Steps with effects outside the database (a payment authorization, a stored file)
 * declare a `compensate`; when a later step fails, the compensations of the steps that completed
 * run in reverse order, after the rollback, and then the original error propagates.
 *
 *   const reserve = createStep('reserve-stock', async (input: Items, ctx) => …, async (ids, ctx) => …);
 *   export const placeOrderFlow = createFlow('place-order', async (run, input: Input) => {
 *     const reservation = await run(reserve, input.items);
 *     …
 *   });
 */
export class StepResult<TOutput, TCompensate> {
  constructor(
    readonly output: TOutput,
    /** What `compensate` receives; defaults to the output. */
    readonly compensateInput: TCompensate,
  ) {}
}

export interface Step<TInput, TOutput, TCompensate = TOutput> {
  readonly name: string;
  invoke(input: TInput, ctx: Context): Promise<TOutput | StepResult<TOutput, TCompensate>>;
  compensate?(compensateInput: TCompensate, ctx: Context): Promise<void>;
}

export function createStep<TInput, TOutput, TCompensate = TOutput>(
  name: string,
  invoke: (input: TInput, ctx: Context) => Promise<TOutput | StepResult<TOutput, TCompensate>>,
  compensate?: (compensateInput: TCompensate, ctx: Context) => Promise<void>,
): Step<TInput, TOutput, TCompensate> {
  return { name, invoke, compensate };
}

export type RunStep = <TInput, TOutput, TCompensate>(
  step: Step<TInput, TOutput, TCompensate>,
  input: TInput,
) => Promise<TOutput>;

export interface FlowOptions {
  /** Run the whole flow in one transaction (default true). */
  transactional?: boolean;
}

export interface Flow<TInput, TOutput> {
  readonly name: string;
  readonly transactional: boolean;
  readonly body: (run: RunStep, input: TInput, ctx: Context) => Promise<TOutput>;
}

export function createFlow<TInput, TOutput>(
  name: string,
  body: (run: RunStep, input: TInput, ctx: Context) => Promise<TOutput>,
  options: FlowOptions = {},
): Flow<TInput, TOutput> {
  return { name, body, transactional: options.transactional ?? true };
}

interface CompletedStep {
  step: Step<unknown, unknown, unknown>;
  compensateInput: unknown;
}

/** The compensation stack of the outermost running flow; nested flows push onto it. */
interface FlowScope {
  flow: string;
  completed: CompletedStep[];
  /** Steps still running (a flow may run steps in parallel with Promise.all). */
  inFlight: Set<Promise<unknown>>;
}

const FLOW_SCOPE = Symbol('flowScope');
type ScopedContext = Context & { [FLOW_SCOPE]?: FlowScope };

export class FlowCompensationError extends Error {
  constructor(
    readonly flow: string,
    readonly failures: Array<{ step: string; error: unknown }>,
  ) {
    super(`Flow ${flow}: ${failures.length} compensation(s) failed`);
  }
}

const logger = new Logger('Flow');

async function compensate(scope: FlowScope, ctx: Context): Promise<Array<{ step: string; error: unknown }>> {
  const failures: Array<{ step: string; error: unknown }> = [];
  for (const { step, compensateInput } of [...scope.completed].reverse()) {
    if (!step.compensate) continue;
    try {
      await step.compensate(compensateInput, ctx);
    } catch (error) {
      failures.push({ step: step.name, error });
      logger.error({ err: error, flow: scope.flow, step: step.name }, `Compensation of ${step.name} failed`);
    }
  }
  return failures;
}

function runnerFor(scope: FlowScope, ctx: Context): RunStep {
  return async <TInput, TOutput, TCompensate>(step: Step<TInput, TOutput, TCompensate>, input: TInput) => {
    const running = step.invoke(input, ctx);
    scope.inFlight.add(running);
    try {
      const result = await running;
      const output = result instanceof StepResult ? result.output : result;
      const compensateInput = result instanceof StepResult ? result.compensateInput : result;
      scope.completed.push({ step: step as Step<unknown, unknown, unknown>, compensateInput });
      return output;
    } finally {
      scope.inFlight.delete(running);
    }
  };
}

/**
 * Runs a flow. Nested inside another flow it joins that flow's transaction and compensation stack;
 * otherwise it owns both: on failure it rolls back, runs the compensations in reverse on a fresh
 * EntityManager, and rethrows the original error.
 */
export async function runFlow<TInput, TOutput>(
  ctx: Context,
  flow: Flow<TInput, TOutput>,
  input: TInput,
): Promise<TOutput> {
  const parentScope = (ctx as ScopedContext)[FLOW_SCOPE];
  if (parentScope) {
    return flow.body(runnerFor(parentScope, ctx), input, ctx);
  }

  const scope: FlowScope = { flow: flow.name, completed: [], inFlight: new Set() };
  const joinedOuterTransaction = ctx.em.isInTransaction();
  try {
    const execute = (flowCtx: Context): Promise<TOutput> => {
      const scoped: ScopedContext = { ...flowCtx, [FLOW_SCOPE]: scope };
      return flow.body(runnerFor(scope, scoped), input, scoped);
    };
    return flow.transactional ? await inTransaction(ctx, execute) : await execute(ctx);
  } catch (error) {
    // Steps started in parallel with the one that failed may still be running: let them settle,
    // so that the ones that succeed are compensated too.
    while (scope.inFlight.size) await Promise.allSettled([...scope.inFlight]);
    // After a rollback the transaction's EntityManager is unusable; compensate on a fresh one,
    // unless the caller owns an open transaction (then it decides about the rollback).
    const compensationCtx: Context = joinedOuterTransaction ? ctx : { ...ctx, em: ctx.em.fork() };
    const failures = await compensate(scope, compensationCtx);
    if (failures.length && error instanceof Error) {
      Object.assign(error, { compensationFailures: new FlowCompensationError(flow.name, failures) });
    }
    throw error;
  }
}
