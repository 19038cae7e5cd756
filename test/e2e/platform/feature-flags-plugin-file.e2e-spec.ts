import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';

/**
 * Its own file, so that the plugin's flag is not declared yet when the configuration is read (Jest
 * gives each file a fresh module registry): the file's value is kept aside until the plugin loads.
 */
describe("a plugin's flag turned on by the configuration file", () => {
  let t: IdentityApp;
  beforeAll(async () => {
    t = await createIdentityApp({ env: { PLUGINS: './test/fixtures/plugins/flagged-plugin' }, configFile: { featureFlags: { plugin_wishlist: true } } });
  });
  afterAll(() => t?.close());

  it('serves the route and lists the flag on', async () => {
    const res = await t.api.get('/store/plugin-wishlist').set('x-publishable-api-key', t.publishableKey).expect(200);
    expect(res.body).toEqual({ wishlist: ['prod_plugin_favourite'] });
    const flags = await t.api.get('/admin/feature-flags').set(...bearer(t.adminToken)).expect(200);
    expect(flags.body.feature_flags).toMatchObject({ plugin_wishlist: true, jobs_ui: true });
  });
});
