import { mkdtempSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { startTsProcess } from '../../utils/child-process';

/** Two processes on one embedded data directory lose data: exactly one may hold it, even when racing. */
describe('embedded data directory lock', () => {
  jest.setTimeout(60000);
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  async function race(dir: string, contenders: number): Promise<string[]> {
    // generous margins for a loaded CI machine: every contender must be up before the start
    // instant, and the winner must still hold the lock when the slowest one tries
    const startAt = String(Date.now() + 3000);
    const runs = Array.from({ length: contenders }, () => startTsProcess('test/fixtures/lock-contender.ts', {}, [dir, '4000', startAt]));
    await Promise.all(runs.map((r) => r.exited));
    return runs.map((r) => r.output().trim());
  }

  const deadPid = (): number => {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    return Number(child.stdout);
  };

  it.each([1, 2])('lets exactly one of four simultaneous starts on a fresh directory hold it (round %i)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stheno-lock-'));
    dirs.push(dir);
    const outcomes = await race(dir, 4);
    expect(outcomes.filter((o) => o === 'acquired')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'locked')).toHaveLength(3);
    expect(existsSync(join(dir, 'stheno.pid'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([1, 2])('lets exactly one of four take over a stale lock left by a dead process (round %i)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stheno-lock-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'stheno.pid'), String(deadPid()));
    const outcomes = await race(dir, 4);
    expect(outcomes.filter((o) => o === 'acquired')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'locked')).toHaveLength(3);
  });
});
