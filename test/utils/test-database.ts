import { Client } from 'pg';

/** This Jest worker's own database URL (see global-setup). */
export function workerDatabaseUrl(): string {
  const urls = JSON.parse(process.env.STHENO_TEST_DATABASE_URLS ?? '{}') as Record<string, string>;
  const url = urls[process.env.JEST_WORKER_ID ?? '1'] ?? urls['1'];
  if (!url) throw new Error('No test database: run the tests through Jest (its global setup creates them)');
  return url;
}

export function isEmbeddedTestDatabase(): boolean {
  return process.env.STHENO_TEST_DATABASE_MODE === 'embedded';
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** An empty `public` schema: the app under test then builds it by running the migrations. */
export async function resetDatabase(url: string = workerDatabaseUrl()): Promise<void> {
  await withClient(url, async (client) => {
    await client.query('drop schema if exists public cascade');
    await client.query('create schema public');
  });
}
