import { SthenoError } from '../../../framework/errors/stheno-error';

/** A boolean query parameter the route reads itself (`is_return=true`); absent → undefined. */
export function booleanParam(extra: Record<string, unknown>, name: string): boolean | undefined {
  const value = extra[name];
  if (value === undefined) return undefined;
  if (value === 'true' || value === true) return true;
  if (value === 'false' || value === false) return false;
  throw SthenoError.invalidData(`Invalid request: ${name} must be true or false`);
}

/** A string or string-array query parameter (`stock_location_id=a&stock_location_id=b`). */
export function idsParam(extra: Record<string, unknown>, name: string): string[] | undefined {
  const value = extra[name];
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((v) => typeof v === 'string')) throw SthenoError.invalidData(`Invalid request: ${name} must be a string or a list of strings`);
  return list as string[];
}
