import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `.env.example` is the operator's reference: every variable the config reads must be in it. */
describe('.env.example', () => {
  const root = join(__dirname, '..', '..', '..');
  const source = readFileSync(join(__dirname, 'load-config.ts'), 'utf8');
  const example = readFileSync(join(root, '.env.example'), 'utf8');
  const readVariables = [...source.matchAll(/(?:read\.\w+(?:<[^>]+>)?|secret)\('([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1]);

  it('finds the variables the config reads', () => {
    expect(readVariables).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'WORKER_MODE']));
  });

  it('documents every one of them', () => {
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect([...new Set(readVariables)].filter((name) => !documented.has(name))).toEqual([]);
  });
});
