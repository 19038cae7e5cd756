/**
 * Cold start to first 200 and RSS after start, on real PostgreSQL (ARCHITECTURE §9, issue 2).
 *
 *   npm run build && node -r ./test/utils/swc-register.js bench/startup.ts [runs]
 *
 * Spawns the built server (`dist/src/main.js`) in production mode against BENCH_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/stheno_bench, migrated first) and BENCH_REDIS_URL,
 * measures the time from spawn to the first `200` on /health, reads VmRSS from /proc once
 * /health/ready answers, then sends SIGTERM and measures the time to exit. Prints the median of
 * the runs (default 7) as a markdown table row.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFreePort } from '../src/framework/database/embedded-postgres';

const root = join(__dirname, '..');
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/stheno_bench';
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const runs = Number(process.argv[2] ?? 7);

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function until(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${url} did not answer`);
}

async function once(): Promise<{ startMs: number; rss: number; stopMs: number }> {
  const port = await findFreePort();
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    JWT_SECRET: 'bench-secret-0123456789abcdef',
    COOKIE_SECRET: 'bench-secret-fedcba9876543210',
    LOG_LEVEL: 'warn',
  };
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'dist/src/main.js')], { env, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await until(`http://127.0.0.1:${port}/health`, Date.now() + 20000);
  const startMs = performance.now() - started;
  await until(`http://127.0.0.1:${port}/health/ready`, Date.now() + 20000);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const rss = rssMb(child.pid!);
  const stopping = performance.now();
  child.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) throw new Error(`server exited with ${code}`);
  return { startMs, rss, stopMs: performance.now() - stopping };
}

async function main(): Promise<void> {
  const migrate = spawnSync(process.execPath, [join(root, 'dist/src/cli.js'), 'db:migrate'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(20), COOKIE_SECRET: 'y'.repeat(20) },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`db:migrate failed (create the database first): ${migrate.stderr}`);
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await once());
  const start = median(samples.map((s) => s.startMs));
  const rss = median(samples.map((s) => s.rss));
  const stop = median(samples.map((s) => s.stopMs));
  console.log(`| cold start to first 200 | ${start.toFixed(0)} ms | RSS after start | ${rss.toFixed(0)} MB | SIGTERM to exit | ${stop.toFixed(0)} ms | runs | ${runs} |`);
  console.log(`samples: ${samples.map((s) => `${s.startMs.toFixed(0)}ms/${s.rss.toFixed(0)}MB`).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
