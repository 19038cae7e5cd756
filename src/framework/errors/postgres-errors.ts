import { CONFLICT_RETRY_MESSAGE, ErrorTypes, GENERIC_DATABASE_MESSAGE, SthenoError } from './stheno-error';

/**
 * Translates a PostgreSQL error (raw `pg` error or a MikroORM DriverException wrapping one) into a
 * SthenoError, once, so that services never inspect SQLSTATEs. Messages are built from the error's
 * structured fields (table, column, detail key) only: never from SQL text.
 */
interface PgErrorLike {
  code?: string;
  severity?: string;
  sqlState?: string;
  table?: string;
  column?: string;
  detail?: string;
  constraint?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

export function pgErrorCode(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const candidate = error as PgErrorLike;
  // `sqlState` is MikroORM's wrapper; a raw pg error carries `severity`. Node system errors
  // (EPIPE, EPERM) also have five-letter codes but neither field.
  const code = candidate.sqlState ?? (typeof candidate.severity === 'string' ? candidate.code : undefined);
  return typeof code === 'string' && SQLSTATE.test(code) ? code : undefined;
}

export function isPostgresError(error: unknown): boolean {
  return pgErrorCode(error) !== undefined;
}

/** `product_variant` → `Product variant`. */
export function humanizeTable(table: string | undefined): string {
  if (!table) return 'Record';
  const words = table.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Parses `Key (a, b)=(x, y) …` from a PostgreSQL detail line. */
export function parseDetailKey(detail: string | undefined): { columns: string[]; values: string[] } | undefined {
  if (!detail) return undefined;
  const match = /Key \((.+?)\)=\((.*?)\)/.exec(detail);
  if (!match) return undefined;
  const columns = match[1].split(',').map((c) => c.trim().replace(/^lower\((.*)\)$/i, '$1'));
  const values = match[2].split(',').map((v) => v.trim());
  return { columns, values };
}

function describeKey(detail: string | undefined): string {
  const key = parseDetailKey(detail);
  if (!key) return '';
  return key.columns.map((column, i) => `${column}: ${key.values[i] ?? ''}`).join(', ');
}

export function translatePostgresError(error: unknown): SthenoError {
  const code = pgErrorCode(error);
  const pg = (error ?? {}) as PgErrorLike;
  switch (code) {
    case '23505': {
      const key = describeKey(pg.detail);
      const message = key
        ? `${humanizeTable(pg.table)} with ${key}, already exists.`
        : `${humanizeTable(pg.table)} already exists.`;
      return new SthenoError(ErrorTypes.DUPLICATE_ERROR, message, { cause: error });
    }
    case '23503': {
      const key = describeKey(pg.detail);
      const referenced = /table "([^"]+)"/.exec(pg.detail ?? '')?.[1];
      const stillReferenced = /still referenced/.test(pg.detail ?? '');
      const target = stillReferenced ? pg.table : referenced;
      const message = key
        ? stillReferenced
          ? `${humanizeTable(target)} with ${key} is still referenced by ${humanizeTable(referenced)}`
          : `${humanizeTable(target)} with ${key} was not found`
        : 'A referenced record was not found';
      return new SthenoError(ErrorTypes.NOT_FOUND, message, { cause: error });
    }
    case '40001':
    case '40P01':
      return new SthenoError(ErrorTypes.CONFLICT, CONFLICT_RETRY_MESSAGE, { cause: error });
    case '23502':
      return new SthenoError(
        ErrorTypes.INVALID_DATA,
        pg.column ? `Missing required value for field '${pg.column}'` : 'Missing a required value',
        { cause: error },
      );
    case '23514':
      return new SthenoError(
        ErrorTypes.INVALID_DATA,
        pg.constraint ? `Value violates the rule '${pg.constraint}'` : 'Value violates a data rule',
        { cause: error },
      );
    default:
      // class 22, data exceptions (invalid text, out of range, too long, NUL byte in text…): the
      // client sent a value the column cannot hold
      if (code?.startsWith('22')) {
        return new SthenoError(ErrorTypes.INVALID_DATA, 'A value has an invalid format or is out of range', {
          cause: error,
        });
      }
      return new SthenoError(ErrorTypes.DATABASE_ERROR, GENERIC_DATABASE_MESSAGE, { cause: error });
  }
}
