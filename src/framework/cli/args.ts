/** Minimal argv parsing: `command positional… --flag value --switch`. */
export interface ParsedArgs {
  command?: string;
  positionals: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(argv: string[]): ParsedArgs {
  // A leading flag (`stheno --help`) is not the command: it is parsed with the other flags.
  const command = argv[0]?.startsWith('--') ? undefined : argv[0];
  const rest = command === undefined ? argv : argv.slice(1);
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      const next = rest[i + 1];
      if (inline !== undefined) flags[name] = inline;
      else if (next !== undefined && !next.startsWith('--')) {
        flags[name] = next;
        i++;
      } else flags[name] = true;
    } else {
      positionals.push(arg);
    }
  }
  return { command, positionals, flags };
}

export function requireFlag(args: ParsedArgs, name: string): string {
  const value = args.flags[name];
  if (typeof value !== 'string' || value === '') throw new CliUsageError(`--${name} <value> is required`);
  return value;
}

export class CliUsageError extends Error {}

/** An integer flag within [min, max]; `fallback` when absent (required when there is none). */
export function integerFlag(args: ParsedArgs, name: string, range: { min: number; max: number; fallback?: number }): number {
  const raw = args.flags[name];
  if (raw === undefined) {
    if (range.fallback !== undefined) return range.fallback;
    throw new CliUsageError(`--${name} <value> is required`);
  }
  const value = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw new CliUsageError(`--${name} must be an integer from ${range.min} to ${range.max} (got '${raw === true ? '' : raw}')`);
  }
  return value;
}
