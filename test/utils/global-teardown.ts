import type { EmbeddedPostgres } from '../../src/framework/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const servers = (globalThis as { __sthenoEmbedded?: EmbeddedPostgres[] }).__sthenoEmbedded ?? [];
  await Promise.all(servers.map((server) => server.close()));
}
