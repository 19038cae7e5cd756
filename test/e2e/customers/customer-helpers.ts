import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { bearer, IdentityApp } from '../../utils/identity';

export type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const KEY = 'x-publishable-api-key';

export async function sql<T = Record<string, unknown>>(t: IdentityApp, query: string, params: unknown[] = []): Promise<T[]> {
  return (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute<T[]>(query, params);
}

/** A registration token: an identity with no customer yet. */
export async function registrationToken(t: IdentityApp, email: string, password = 'pw-shopper-1'): Promise<string> {
  const res = await t.api.post('/auth/customer/emailpass/register').send({ email, password }).expect(200);
  return res.body.token as string;
}

/** Registers, creates the customer, signs in: the customer and a token that acts as it. */
export async function signUp(t: IdentityApp, email: string, extra: Body = {}): Promise<{ customer: Body; token: string }> {
  const password = 'pw-shopper-1';
  const registration = await registrationToken(t, email, password);
  const res = await t.api.post('/store/customers').set(KEY, t.publishableKey).set(...bearer(registration)).send({ email, ...extra }).expect(200);
  return { customer: res.body.customer as Body, token: await t.login('customer', email, password) };
}

export async function eventsNamed(t: IdentityApp, name: string, id: string): Promise<number> {
  const [row] = await sql<{ n: string }>(t, `select count(*) as n from event_outbox where name = ? and data->>'id' = ?`, [name, id]);
  return Number(row.n);
}
