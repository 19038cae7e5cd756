import { Context } from '../../framework/context/context';

type Thunks<T extends readonly unknown[]> = { [K in keyof T]: () => Promise<T[K]> };

/**
 * Runs independent reads at once on a pool, one after the other inside a transaction: a
 * transaction is one connection, and pg refuses (deprecated, then an error) overlapping queries on
 * one client.
 */
export async function readAll<T extends readonly unknown[]>(ctx: Context, reads: Thunks<T>): Promise<T> {
  if (!ctx.em.isInTransaction()) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
