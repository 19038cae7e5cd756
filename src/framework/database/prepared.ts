import type { AbstractSqlConnection } from '@mikro-orm/knex';
import type { Knex } from 'knex';
import { Context } from '../context/context';

/** Named statements on, unless configured off (`DATABASE_PREPARED_STATEMENTS=false`, for transaction-mode poolers). */
let named = true;

export function usePreparedStatements(on: boolean): void {
  named = on;
}

export interface PgConnection {
  query(config: { name?: string; text: string; values?: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** Per connection: whether its server is PGlite (servesOneSession). */
const oneSession = new WeakMap<PgConnection, boolean>();

/**
 * Whether a connection's server keeps named statements per connection: every PostgreSQL does, but
 * PGlite (the embedded database, also what the test suite runs on without DATABASE_URL) serves one
 * session to every connection, so a statement prepared by one pooled client would collide with the
 * same name prepared by the next.
 */
async function keepsNamedStatements(connection: PgConnection): Promise<boolean> {
  return !(await servesOneSession(connection));
}

/**
 * Whether the server behind `connection` is PGlite, whose single session every connection shares:
 * what one connection sets (named statements, search_path) the next one finds. Asked once per
 * connection (orm-options.ts asks first, when the pool creates it).
 */
export async function servesOneSession(connection: PgConnection): Promise<boolean> {
  let known = oneSession.get(connection);
  if (known === undefined) {
    const { rows } = await connection.query({ text: 'select version() as version' });
    known = /PGlite|emscripten/i.test(String((rows[0] as { version?: unknown } | undefined)?.version ?? ''));
    oneSession.set(connection, known);
  }
  return known;
}

/** `?` placeholders as `$1…$n`, once per statement text. */
const numbered = new Map<string, string>();
function toNumbered(sql: string): string {
  let text = numbered.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    numbered.set(sql, text);
  }
  return text;
}

/**
 * Runs one of the hot path's fixed statements (`?` placeholders, no `?` operators) as a named
 * prepared statement on the caller's transaction connection, or on a pooled one: PostgreSQL plans
 * it once per connection instead of at every call, and the values travel as parameters instead of
 * being inlined by the ORM. For the cart read, planning cost as much as running it (0.45 of
 * 1.1 ms of database CPU, measured). On PGlite, or when configured off, the statement is sent unnamed.
 */
export async function preparedQuery<T>(ctx: Context, name: string, sql: string, values: unknown[]): Promise<T[]> {
  const trx = ctx.em.getTransactionContext<Knex.Transaction>();
  // the connection of a finished transaction is back in the pool, maybe in another request's transaction:
  // refuse as knex itself does for its own queries
  if (trx?.isCompleted()) throw new Error('Transaction query already complete, run with DEBUG=knex:tx for more info');
  const knex = (ctx.em.getConnection() as AbstractSqlConnection).getKnex();
  // inside a transaction knex's client hands back the transaction's own connection, and releasing is a no-op
  const client = (trx ?? knex).client as Knex.Client;
  const connection = (await client.acquireConnection()) as PgConnection;
  try {
    const text = toNumbered(sql);
    // the event knex emits for its own queries: statement counters and query logs see this one too
    knex.emit('query', { sql: text, bindings: values, method: 'raw' });
    // and the ORM's query log (DATABASE_LOGGING=query), which never sees statements sent past it: the text, never the values
    const logger = ctx.em.config.getLogger();
    const started = Date.now();
    try {
      const result = named && (await keepsNamedStatements(connection)) ? await connection.query({ name, text, values }) : await connection.query({ text, values });
      if (logger.isEnabled('query')) logger.logQuery({ query: text, took: Date.now() - started, results: result.rows.length, label: name });
      return result.rows as T[];
    } catch (error) {
      if (logger.isEnabled('query')) logger.logQuery({ query: text, took: Date.now() - started, level: 'error', label: name });
      throw error;
    }
  } finally {
    if (!trx) await client.releaseConnection(connection);
  }
}

/** Per statement text with an `{ids}` slot: the one-id and the many-ids forms. */
const idForms = new Map<string, { one: string; many: string }>();

/**
 * A prepared read of rows by ids whose statement names them once as `{ids}` (`where o.id {ids}`),
 * before any other parameter (`rest`, in order): one id runs `= ?` (statement `name`), several
 * `= any(?::text[])` (statement `name_many`). PostgreSQL plans a prepared statement for its values
 * a few times, then settles on a generic plan made without them when that costs no more. For
 * `= any($1)` the generic plan assumes about ten ids, so with the usual one it never costs less
 * and every call is planned again (the cart-line read: 0.4 ms of planning per call); and on a table
 * that was small when a generic plan was made (every table of a new store, and for good where
 * PostgreSQL runs without autovacuum, as this project's CI cluster does) that plan is a sequential
 * scan, kept while the table grows. `= $1` on a key is an index lookup in every plan.
 */
export function preparedByIds<T>(ctx: Context, name: string, sql: string, ids: readonly string[], rest: unknown[] = []): Promise<T[]> {
  let forms = idForms.get(sql);
  if (!forms) {
    const slot = sql.indexOf('{ids}');
    if (slot < 0 || sql.indexOf('{ids}', slot + 1) >= 0 || sql.slice(0, slot).includes('?')) {
      throw new Error(`preparedByIds: ${name} must name {ids} once, before any other parameter`);
    }
    forms = { one: sql.replace('{ids}', '= ?'), many: sql.replace('{ids}', '= any(?::text[])') };
    idForms.set(sql, forms);
  }
  const unique = [...new Set(ids)];
  return unique.length === 1
    ? preparedQuery<T>(ctx, name, forms.one, [unique[0], ...rest])
    : preparedQuery<T>(ctx, `${name}_many`, forms.many, [unique, ...rest]);
}
