import { CorsOrigin } from './app-config';

/**
 * Reads typed values out of an environment map and collects every problem instead of stopping at
 * the first, so that one failed boot tells the operator everything that is wrong.
 */
export class EnvReader {
  readonly problems: string[] = [];
  /** Every variable read, in first-read order (`config:show` lists where each value came from). */
  readonly names: string[] = [];

  constructor(private readonly env: Record<string, string | undefined>) {}

  /** The raw value, trimmed; empty strings count as unset. */
  raw(name: string): string | undefined {
    if (!this.names.includes(name)) this.names.push(name);
    const value = this.env[name];
    if (value === undefined) return undefined;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }

  string(name: string, fallback: string): string;
  string(name: string): string | undefined;
  string(name: string, fallback?: string): string | undefined {
    return this.raw(name) ?? fallback;
  }

  int(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = /^-?\d+$/.test(value) ? Number(value) : NaN;
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = range;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      this.problems.push(`${name}: expected an integer between ${min} and ${max}, got '${value}'`);
      return fallback;
    }
    return parsed;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const lower = value.toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(lower)) return true;
    if (['false', '0', 'no', 'off'].includes(lower)) return false;
    this.problems.push(`${name}: expected true or false, got '${value}'`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${name}: expected one of ${allowed.join(', ')}, got '${value}'`);
    return fallback;
  }

  url(name: string, protocols: string[]): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        this.problems.push(`${name}: expected a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);
        return undefined;
      }
      return value;
    } catch {
      // never echo the value: a connection URL may carry a password
      this.problems.push(`${name}: expected a URL such as ${protocols[0]}//host:port/…`);
      return undefined;
    }
  }

  /** A jsonwebtoken-style duration: seconds as a number, or `30s`, `15m`, `12h`, `1d`, `2w`. */
  duration(name: string, fallback: string): string {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (/^\d+$/.test(value) || /^\d+(\.\d+)?\s*(ms|s|m|h|d|w|y)$/i.test(value)) return value;
    this.problems.push(`${name}: expected a duration such as 3600, 30m, 12h or 1d, got '${value}'`);
    return fallback;
  }

  /** A size such as `100kb`, `1mb`, or a byte count. */
  size(name: string, fallback: string): string {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i.test(value)) return value.toLowerCase().replace(/\s+/g, '');
    this.problems.push(`${name}: expected a size such as 512kb or 1mb, got '${value}'`);
    return fallback;
  }

  /**
   * A size in bytes, written as a byte count or with a unit (`512kb`, `10mb`, `1gb`; 1 kb = 1024
   * bytes, as body-parser counts), for limits that code compares with byte counts.
   */
  bytes(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const { min = 1, max = Number.MAX_SAFE_INTEGER } = range;
    const bytes = parseBytes(value);
    if (bytes === undefined || bytes < min || bytes > max) {
      this.problems.push(`${name}: expected a size such as 512kb or 10mb, between ${min} and ${max} bytes, got '${value}'`);
      return fallback;
    }
    return bytes;
  }

  /** A comma list of origins; `/regex/` entries become regular expressions (Medusa's CORS format). */
  corsList(name: string, fallback: string): CorsOrigin[] {
    const value = this.raw(name) ?? fallback;
    const origins: CorsOrigin[] = [];
    for (const entry of value.split(',').map((e) => e.trim()).filter(Boolean)) {
      const regex = /^\/(.+)\/([a-z]*)$/.exec(entry);
      if (regex) {
        if (/[gy]/.test(regex[2])) {
          // global and sticky regexes keep state between tests: the same origin would alternate
          this.problems.push(`${name}: '${entry}' must not use the g or y flag`);
          continue;
        }
        try {
          origins.push(new RegExp(regex[1], regex[2]));
        } catch {
          this.problems.push(`${name}: '${entry}' is not a valid regular expression`);
        }
        continue;
      }
      if (entry === '*') {
        origins.push(entry);
        continue;
      }
      try {
        const parsed = new URL(entry);
        origins.push(parsed.origin);
      } catch {
        this.problems.push(`${name}: '${entry}' is neither an origin (https://shop.example.com) nor a /regex/`);
      }
    }
    return origins;
  }
}

const UNITS = ['b', 'kb', 'mb', 'gb'];

/** `10mb` → 10485760; undefined when the text is no size. */
function parseBytes(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(text);
  if (!match) return undefined;
  const bytes = Math.floor(Number(match[1]) * 1024 ** UNITS.indexOf((match[2] ?? 'b').toLowerCase()));
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}
