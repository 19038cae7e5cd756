import type { EntityManager } from '@mikro-orm/postgresql';

/** Who is acting: a signed-in user or customer, a secret API key, or the system itself (jobs, CLI). */
export interface Actor {
  type: 'user' | 'customer' | 'api-key' | 'system';
  id: string;
}

/**
 * What every facade and flow call takes first (STYLE habit 1): the actor, the request id for logs,
 * and the EntityManager to use. When `em` is inside a transaction, everything called with this
 * context joins that transaction instead of opening its own; this is also what keeps the embedded
 * database (a single connection) from deadlocking.
 */
export interface Context {
  em: EntityManager;
  requestId?: string;
  actor?: Actor;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: 'system' };

export function systemContext(em: EntityManager, requestId?: string): Context {
  return { em: em.fork(), actor: SYSTEM_ACTOR, requestId };
}

/**
 * Runs `work` in a transaction: joins the one already open on `ctx.em`, or opens a new one and
 * commits it when `work` resolves (rolls back when it throws).
 */
export async function inTransaction<T>(ctx: Context, work: (txCtx: Context) => Promise<T>): Promise<T> {
  if (ctx.em.isInTransaction()) return work(ctx);
  return ctx.em.transactional((em) => work({ ...ctx, em: em as EntityManager }));
}
