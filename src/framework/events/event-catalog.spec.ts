import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../runtime/package-root';

const ROOT = packageRoot();
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * Every exported `…Events` constant object of the source, read from the modules themselves: the
 * files that declare one are required and their exports inspected, so the names are the values the
 * code records, whatever way they are written.
 */
function eventConstants(): Map<string, string[]> {
  const byConstant = new Map<string, string[]>();
  const declaring = sourceFiles(SRC).filter((file) => /export const \w*Events\b/.test(readFileSync(file, 'utf8')));
  for (const file of declaring) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(file) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (!name.endsWith('Events') || typeof value !== 'object' || value === null) continue;
      const names = Object.values(value);
      if (names.every((n) => typeof n === 'string')) byConstant.set(`${name} (${file.slice(ROOT.length + 1)})`, names as string[]);
    }
  }
  return byConstant;
}

/** The event names of the catalog tables of docs/events.md: first cell of each row, in backticks. */
function documentedEvents(): string[] {
  const doc = readFileSync(join(ROOT, 'docs/events.md'), 'utf8');
  const catalog = doc.slice(doc.indexOf('## Event catalog'), doc.indexOf('### Not emitted'));
  return [...catalog.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
}

describe('docs/events.md and the event constants agree', () => {
  const constants = eventConstants();
  const inCode = new Set([...constants.values()].flat());
  const documented = documentedEvents();

  it('finds the event constants of every domain (the scan itself works)', () => {
    const names = [...constants.keys()].map((k) => k.split(' ')[0]);
    expect(names).toEqual(expect.arrayContaining(['CartEvents', 'CustomerEvents', 'OrderEvents', 'OrderFlowEvents', 'ProductEvents', 'PaymentEvents', 'UserEvents', 'AuthEvents', 'RegionEvents', 'SalesChannelEvents', 'FulfillmentEvents']));
    expect(inCode.has('order.placed')).toBe(true);
    expect(documented.length).toBeGreaterThan(50);
  });

  it('documents every event the code defines', () => {
    expect([...inCode].filter((name) => !documented.includes(name)).sort()).toEqual([]);
  });

  it('documents no event the code does not define', () => {
    expect(documented.filter((name) => !inCode.has(name))).toEqual([]);
  });

  it('documents each event once', () => {
    expect(documented.filter((name, i) => documented.indexOf(name) !== i)).toEqual([]);
  });
});
