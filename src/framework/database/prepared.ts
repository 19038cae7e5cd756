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
