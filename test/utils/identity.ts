import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SeedRunner } from '../../src/framework/database/seeding';
import { createTestApp, TestApp, TestAppOptions } from './create-test-app';

export const ADMIN = { email: 'admin@stheno.dev', password: 'supersecret' };

export interface IdentityApp extends TestApp {
  /** The seeded publishable key (scoped to the seeded default sales channel). */
  publishableKey: string;
  salesChannelId: string;
  /** A bearer token of the seeded admin user. */
  adminToken: string;
  adminUserId: string;
  /** Logs in through the API and returns the token. */
  login(actor: 'user' | 'customer', email: string, password: string): Promise<string>;
  /** Listens on a loopback port (for the js-sdk, which uses fetch) and returns the base URL. */
  listen(): Promise<string>;
}

/** A test app with the demo seed applied: default sales channel, publishable key, admin user. */
export async function createIdentityApp(options: TestAppOptions = {}): Promise<IdentityApp> {
  const t = await createTestApp(options);
  await t.app.get(SeedRunner).runPending();
  const em = t.app.get(MikroORM).em.fork() as EntityManager;
  const [key] = await em.getConnection().execute<Array<{ token: string; sales_channel_id: string }>>(
    `select k.token, l.sales_channel_id from api_key k join publishable_api_key_sales_channel l on l.publishable_key_id = k.id
      where k.type = 'publishable' order by k.created_at limit 1`,
  );
  const login = async (actor: 'user' | 'customer', email: string, password: string): Promise<string> => {
    const res = await t.api.post(`/auth/${actor}/emailpass`).send({ email, password }).expect(200);
    return res.body.token as string;
  };
  const adminToken = await login('user', ADMIN.email, ADMIN.password);
  const me = await t.api.get('/admin/users/me').set('Authorization', `Bearer ${adminToken}`).expect(200);
  return {
    ...t,
    publishableKey: key.token,
    salesChannelId: key.sales_channel_id,
    adminToken,
    adminUserId: me.body.user.id as string,
    login,
    async listen() {
      await t.app.listen(0, '127.0.0.1');
      const address = t.app.getHttpServer().address() as { port: number };
      return `http://127.0.0.1:${address.port}`;
    },
  };
}

export const bearer = (token: string): [string, string] => ['Authorization', `Bearer ${token}`];

/** Decodes a JWT's claims without verifying it (tests only). */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}
