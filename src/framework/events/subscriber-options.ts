import { SubscriberOptions } from './domain-event';

export const SUBSCRIBER_DEFAULTS = { attempts: 3, backoffMs: 1000, concurrency: 1 } as const;

/**
 * Letters, digits, `.`, `_` and `-`, starting and ending with a letter or digit. The id is part of
 * the Bull job id (`<event id>:<subscriber id>`) and the Bull job name, so `:` and the catch-all
 * name `*` must never appear in it.
 */
const SUBSCRIBER_ID = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,126}[A-Za-z0-9])?$/;

function isIntegerAtLeast(value: unknown, min: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}

/**
 * Checks a subscriber's options and fills in the defaults. Throws one error naming the subscriber
 * (and its class, when known) with every problem found, so a bad declaration stops the boot with a
 * message that says what to fix instead of failing later inside Bull or the relay.
 */
export function validateSubscriberOptions(options: SubscriberOptions, declaredBy?: string): Required<SubscriberOptions> {
  const problems: string[] = [];
  const id: unknown = options?.id;
  if (typeof id !== 'string' || !SUBSCRIBER_ID.test(id)) {
    problems.push(`id must be 1-128 letters, digits, '.', '_' or '-' (starting and ending with a letter or digit), got ${JSON.stringify(id)}`);
  }
  const events: unknown = options?.events;
  if (!Array.isArray(events) || events.length === 0) {
    problems.push('events must name at least one event');
  } else {
    const bad = events.filter((name) => typeof name !== 'string' || !/^\S+$/.test(name) || name === '*');
    if (bad.length) problems.push(`events must be non-empty names without spaces (no wildcard), got ${bad.map((b) => JSON.stringify(b)).join(', ')}`);
    const duplicates = events.filter((name, i) => events.indexOf(name) !== i);
    if (duplicates.length) problems.push(`events lists ${duplicates.map((d) => JSON.stringify(d)).join(', ')} more than once`);
  }
  const resolved = { ...SUBSCRIBER_DEFAULTS, ...stripUndefined(options ?? ({} as SubscriberOptions)) };
  if (!isIntegerAtLeast(resolved.attempts, 1)) problems.push(`attempts must be an integer >= 1, got ${JSON.stringify(resolved.attempts)}`);
  if (typeof resolved.backoffMs !== 'number' || !Number.isFinite(resolved.backoffMs) || resolved.backoffMs < 0) {
    problems.push(`backoffMs must be a number >= 0, got ${JSON.stringify(resolved.backoffMs)}`);
  }
  if (!isIntegerAtLeast(resolved.concurrency, 1)) problems.push(`concurrency must be an integer >= 1, got ${JSON.stringify(resolved.concurrency)}`);
  if (problems.length) {
    const who = `${typeof id === 'string' && id ? `'${id}'` : '(no id)'}${declaredBy ? ` declared by ${declaredBy}` : ''}`;
    throw new Error(`Invalid subscriber ${who}: ${problems.join('; ')}`);
  }
  return resolved as Required<SubscriberOptions>;
}

/** `{ attempts: undefined }` must fall back to the default, not override it. */
function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
