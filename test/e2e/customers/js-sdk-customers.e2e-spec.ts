import Medusa from '@medusajs/js-sdk';
import { createIdentityApp, IdentityApp } from '../../utils/identity';

/** The official client, unchanged: a storefront's sign-up and address book against Stheno. */
describe('@medusajs/js-sdk: store customers', () => {
  let t: IdentityApp;
  let baseUrl: string;
  beforeAll(async () => {
    t = await createIdentityApp();
    baseUrl = await t.listen();
  });
  afterAll(() => t.close());

  const storefront = () => new Medusa({ baseUrl, publishableKey: t.publishableKey, auth: { type: 'jwt', jwtTokenStorageMethod: 'memory' } });

  it('registers, creates the customer, signs in and manages the address book', async () => {
    const sdk = storefront();
    const email = 'sdk.customer@example.com';
    const password = 'sdk-customer-pw-1';
    const registration = await sdk.auth.register('customer', 'emailpass', { email, password });
    const { customer: created } = await sdk.store.customer.create({ email, first_name: 'Sadie' }, {}, { Authorization: `Bearer ${registration}` });
    expect(created).toMatchObject({ email, first_name: 'Sadie', has_account: true, addresses: [] });
    await sdk.auth.login('customer', 'emailpass', { email, password });

    const { customer: me } = await sdk.store.customer.retrieve();
    expect(me.id).toBe(created.id);
    const { customer: updated } = await sdk.store.customer.update({ last_name: 'Kit', phone: '+45 55 55' });
    expect(updated).toMatchObject({ id: created.id, last_name: 'Kit', phone: '+45 55 55' });

    const { customer: withAddress } = await sdk.store.customer.createAddress({ address_1: 'Vesterbrogade 1', city: 'Copenhagen', country_code: 'dk', is_default_shipping: true });
    const [address] = withAddress.addresses;
    expect(address).toMatchObject({ address_1: 'Vesterbrogade 1', country_code: 'dk', is_default_shipping: true });

    const listed = await sdk.store.customer.listAddress({ limit: 10 });
    expect(listed).toMatchObject({ count: 1, offset: 0, limit: 10 });
    expect(listed.addresses.map((a: { id: string }) => a.id)).toEqual([address.id]);
    const { address: one } = await sdk.store.customer.retrieveAddress(address.id);
    expect(one.city).toBe('Copenhagen');
    const { customer: afterUpdate } = await sdk.store.customer.updateAddress(address.id, { city: 'København' });
    expect(afterUpdate.addresses.find((a: { id: string }) => a.id === address.id)?.city).toBe('København');

    const deleted = await sdk.store.customer.deleteAddress(address.id);
    expect(deleted).toMatchObject({ id: address.id, object: 'address', deleted: true });
    expect((await sdk.store.customer.listAddress()).count).toBe(0);
    await expect(sdk.store.customer.retrieveAddress(address.id)).rejects.toMatchObject({ status: 404 });
  });

  it('surfaces a second sign-up with the same token as a 400', async () => {
    const sdk = storefront();
    const registration = await sdk.auth.register('customer', 'emailpass', { email: 'twice.sdk@example.com', password: 'sdk-customer-pw-2' });
    const headers = { Authorization: `Bearer ${registration}` };
    await sdk.store.customer.create({ email: 'twice.sdk@example.com' }, {}, headers);
    await expect(sdk.store.customer.create({ email: 'twice.sdk@example.com' }, {}, headers)).rejects.toMatchObject({ status: 400 });
  });
});
