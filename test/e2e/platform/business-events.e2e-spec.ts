import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { Body, shirtBody } from '../../utils/product-fixtures';

/**
 * The Medusa business events no domain suite asserts: each admin action leaves exactly its outbox
 * row, with Medusa's name and payload, written with the change (docs/events.md lists them all).
 */
describe('business events recorded by admin actions', () => {
  let t: IdentityApp;
  beforeAll(async () => {
    t = await createIdentityApp();
  });
  afterAll(() => t?.close());

  const admin = () => bearer(t.adminToken);
  /** Payloads of the outbox rows named `name` whose payload id is `id`, oldest first. */
  const recorded = async (name: string, id: string): Promise<unknown[]> => {
    const rows = await (t.app.get(MikroORM).em.fork() as EntityManager).execute<Array<{ data: unknown }>>(
      `select data from event_outbox where name = ? and data->>'id' = ? order by created_at, id`,
      [name, id],
    );
    return rows.map((r) => r.data);
  };

  it('sales channels: sales-channel.created, .updated and .deleted with { id }', async () => {
    const channel = (await t.api.post('/admin/sales-channels').set(...admin()).send({ name: 'Events shop' }).expect(200)).body.sales_channel;
    expect(await recorded('sales-channel.created', channel.id)).toEqual([{ id: channel.id }]);
    await t.api.post(`/admin/sales-channels/${channel.id}`).set(...admin()).send({ description: 'renamed' }).expect(200);
    expect(await recorded('sales-channel.updated', channel.id)).toEqual([{ id: channel.id }]);
    await t.api.delete(`/admin/sales-channels/${channel.id}`).set(...admin()).expect(200);
    expect(await recorded('sales-channel.deleted', channel.id)).toEqual([{ id: channel.id }]);
  });

  it('a refused change records nothing', async () => {
    const before = await recorded('sales-channel.deleted', 'sc_missing');
    await t.api.delete('/admin/sales-channels/sc_missing').set(...admin()).expect(404);
    expect(await recorded('sales-channel.deleted', 'sc_missing')).toEqual(before);
  });

  it('regions: region.deleted with { id }', async () => {
    const region = (await t.api.post('/admin/regions').set(...admin()).send({ name: 'Events region', currency_code: 'eur', countries: ['be'] }).expect(200)).body.region;
    await t.api.delete(`/admin/regions/${region.id}`).set(...admin()).expect(200);
    expect(await recorded('region.deleted', region.id)).toEqual([{ id: region.id }]);
  });

  it('invites and users: invite.created, .resent, .accepted, .deleted, user.created, .updated, .deleted with { id }', async () => {
    const invite = (await t.api.post('/admin/invites').set(...admin()).send({ email: 'events.invitee@stheno.dev' }).expect(200)).body.invite;
    expect(await recorded('invite.created', invite.id)).toEqual([{ id: invite.id }]);
    const resent = (await t.api.post(`/admin/invites/${invite.id}/resend`).set(...admin()).expect(200)).body.invite;
    expect(await recorded('invite.resent', invite.id)).toEqual([{ id: invite.id }]);

    const registered = await t.api.post('/auth/user/emailpass/register').send({ email: 'events.invitee@stheno.dev', password: 'invitee-pw-1' }).expect(200);
    const user = (await t.api.post(`/admin/invites/accept?token=${resent.token}`).set(...bearer(registered.body.token)).send({}).expect(200)).body.user;
    expect(await recorded('invite.accepted', invite.id)).toEqual([{ id: invite.id }]);
    expect(await recorded('user.created', user.id)).toEqual([{ id: user.id }]);

    await t.api.post(`/admin/users/${user.id}`).set(...admin()).send({ first_name: 'Ada' }).expect(200);
    expect(await recorded('user.updated', user.id)).toEqual([{ id: user.id }]);
    await t.api.delete(`/admin/users/${user.id}`).set(...admin()).expect(200);
    expect(await recorded('user.deleted', user.id)).toEqual([{ id: user.id }]);

    const other = (await t.api.post('/admin/invites').set(...admin()).send({ email: 'events.declined@stheno.dev' }).expect(200)).body.invite;
    await t.api.delete(`/admin/invites/${other.id}`).set(...admin()).expect(200);
    expect(await recorded('invite.deleted', other.id)).toEqual([{ id: other.id }]);
  });

  it('products: product-option.deleted and product-variant.deleted with { id }', async () => {
    const product: Body = (await t.api.post('/admin/products').set(...admin()).send(shirtBody('events-shirt')).expect(200)).body.product;
    const withFit = (await t.api.post(`/admin/products/${product.id}/options`).set(...admin()).send({ title: 'Fit', values: ['Slim'] }).expect(200)).body.product;
    const fit = withFit.options.find((o: Body) => o.title === 'Fit');
    await t.api.delete(`/admin/products/${product.id}/options/${fit.id}`).set(...admin()).expect(200);
    expect(await recorded('product-option.deleted', fit.id)).toEqual([{ id: fit.id }]);

    const variant = product.variants[0];
    await t.api.delete(`/admin/products/${product.id}/variants/${variant.id}`).set(...admin()).expect(200);
    expect(await recorded('product-variant.deleted', variant.id)).toEqual([{ id: variant.id }]);
  });
});
