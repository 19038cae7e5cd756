import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `.env.example` is the operator's reference: every variable the config reads must be in it. */
describe('.env.example', () => {
  const root = join(__dirname, '..', '..', '..');
  // the files that read variables: load-config.ts and the slices it delegates to
  const source = ['load-config.ts', 'session-settings.ts'].map((file) => readFileSync(join(__dirname, file), 'utf8')).join('\n');
  const example = readFileSync(join(root, '.env.example'), 'utf8');
  const readVariables = [...source.matchAll(/(?:read\.\w+(?:<[^>]+>)?|secret)\('([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1]);

  it('finds the variables the config reads', () => {
    expect(readVariables).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'WORKER_MODE', 'SESSION_NAME', 'SESSION_TTL_MS']));
  });

  it('documents every one of them', () => {
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect([...new Set(readVariables)].filter((name) => !documented.has(name))).toEqual([]);
  });
});
