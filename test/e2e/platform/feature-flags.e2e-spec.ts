import { createTestApp } from '../../utils/create-test-app';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { FlaggedRoutesFixtureModule } from '../../fixtures/flagged-routes.fixture';

const withRedis = Boolean(process.env.REDIS_URL);
const unknownRoute = (method: string, path: string) => ({ type: 'not_found', message: `Route ${method} ${path} does not exist` });

interface OpenApiDocument {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}

describe('feature flags with their defaults (fixture_reports off, jobs_ui on)', () => {
  let t: IdentityApp;
  beforeAll(async () => {
    t = await createIdentityApp({ imports: [FlaggedRoutesFixtureModule] });
  });
  afterAll(() => t?.close());

  it('answers a flagged-off admin route exactly as an unknown route, with or without credentials', async () => {
    const unknown = await t.raw().get('/admin/fixture-reports-nowhere').set(...bearer(t.adminToken)).expect(404);
    expect(unknown.body).toEqual(unknownRoute('GET', '/admin/fixture-reports-nowhere'));

    const asAdmin = await t.raw().get('/admin/fixture-reports').set(...bearer(t.adminToken)).expect(404);
    expect(asAdmin.body).toEqual(unknownRoute('GET', '/admin/fixture-reports'));
    // an anonymous caller gets the same 404, not a 401 that would tell it the route exists
    const anonymous = await t.raw().get('/admin/fixture-reports').expect(404);
    expect(anonymous.body).toEqual(unknownRoute('GET', '/admin/fixture-reports'));
  });

  it('answers a flagged-off store controller with 404 even without a publishable key', async () => {
    expect((await t.raw().get('/store/fixture-reports').expect(404)).body).toEqual(unknownRoute('GET', '/store/fixture-reports'));
    const withKey = await t.raw().get('/store/fixture-reports').set('x-publishable-api-key', t.publishableKey).expect(404);
    expect(withKey.body).toEqual(unknownRoute('GET', '/store/fixture-reports'));
  });

  it('leaves routes of the same controller without a flag alone, and services read the flag', async () => {
    const res = await t.api.get('/admin/fixture-reports/status').set(...bearer(t.adminToken)).expect(200);
    expect(res.body).toEqual({ reports_enabled: false });
  });

  it('leaves flagged-off routes out of the OpenAPI document', async () => {
    const { body } = (await t.raw().get('/openapi.json').expect(200)) as { body: OpenApiDocument };
    expect(body.paths['/admin/fixture-reports']).toBeUndefined();
    expect(body.paths['/store/fixture-reports']).toBeUndefined();
    expect(body.paths['/admin/fixture-reports/status']?.get).toBeDefined();
    expect(body.paths['/admin/feature-flags']?.get).toBeDefined();
  });

  it('lists every flag with its resolved value at GET /admin/feature-flags', async () => {
    const res = await t.api.get('/admin/feature-flags').set(...bearer(t.adminToken)).expect(200);
    expect(res.body).toEqual({ feature_flags: { fixture_reports: false, jobs_ui: true } });
  });

  it('keeps GET /admin/feature-flags for admins', async () => {
    expect((await t.api.get('/admin/feature-flags').expect(401)).body).toMatchObject({ message: 'Unauthorized' });
    const customer = await t.api.post('/auth/customer/emailpass/register').send({ email: 'ff-shopper@example.com', password: 'secret-password' }).expect(200);
    await t.api.get('/admin/feature-flags').set(...bearer(customer.body.token as string)).expect(401);
  });

  it('serves the jobs UI as before (jobs_ui defaults to on)', async () => {
    // anonymous: the board's own 401, so the route exists
    expect((await t.raw().get('/admin/jobs').expect(401)).body.type).toBe('unauthorized');
    const res = await t.raw().get('/admin/jobs').set(...bearer(t.adminToken));
    if (withRedis) expect(res.status).toBe(200);
    else expect(res.body).toEqual({ type: 'not_found', message: expect.stringMatching(/^No job queues/) });
  });
});

describe('feature flags set by the environment (STHENO_FF_FIXTURE_REPORTS=true, STHENO_FF_JOBS_UI=false)', () => {
  let t: IdentityApp;
  beforeAll(async () => {
    t = await createIdentityApp({ imports: [FlaggedRoutesFixtureModule], env: { STHENO_FF_FIXTURE_REPORTS: 'true', STHENO_FF_JOBS_UI: 'false' } });
  });
  afterAll(() => t?.close());

  it('serves the flagged routes once their flag is on', async () => {
    expect((await t.api.get('/admin/fixture-reports').set(...bearer(t.adminToken)).expect(200)).body).toEqual({ reports: ['daily-sales', 'stock-levels'] });
    await t.api.get('/admin/fixture-reports').expect(401);
    expect((await t.api.get('/store/fixture-reports').set('x-publishable-api-key', t.publishableKey).expect(200)).body).toEqual({ reports: ['bestsellers'] });
    await t.api.get('/store/fixture-reports').expect(400);
    expect((await t.api.get('/admin/fixture-reports/status').set(...bearer(t.adminToken)).expect(200)).body).toEqual({ reports_enabled: true });
  });

  it('documents them, naming the flag they depend on', async () => {
    const { body } = (await t.raw().get('/openapi.json').expect(200)) as { body: OpenApiDocument };
    expect(body.paths['/admin/fixture-reports'].get['x-stheno-feature-flag']).toBe('fixture_reports');
    expect(body.paths['/store/fixture-reports'].get['x-stheno-feature-flag']).toBe('fixture_reports');
    expect(body.paths['/admin/fixture-reports/status'].get['x-stheno-feature-flag']).toBeUndefined();
  });

  it('lists the values the environment set', async () => {
    const res = await t.api.get('/admin/feature-flags').set(...bearer(t.adminToken)).expect(200);
    expect(res.body).toEqual({ feature_flags: { fixture_reports: true, jobs_ui: false } });
  });

  it('turns the jobs UI off: /admin/jobs and everything under it answer as unknown routes', async () => {
    for (const path of ['/admin/jobs', '/admin/jobs/api/queues']) {
      expect((await t.raw().get(path).set(...bearer(t.adminToken)).expect(404)).body).toEqual(unknownRoute('GET', path));
      expect((await t.raw().get(path).expect(404)).body).toEqual(unknownRoute('GET', path));
    }
    expect((await t.raw().post('/admin/jobs/api/queues/stheno-events/retry/failed').set(...bearer(t.adminToken)).expect(404)).body).toEqual(
      unknownRoute('POST', '/admin/jobs/api/queues/stheno-events/retry/failed'),
    );
  });
});

describe('feature flag misconfiguration', () => {
  // a route behind an undeclared flag: src/framework/feature-flags/feature-flags.service.spec.ts
  it('stops the boot on a bad STHENO_FF_ value, naming the variable', async () => {
    await expect(createTestApp({ env: { STHENO_FF_JOBS_UI: 'maybe' } })).rejects.toThrow("STHENO_FF_JOBS_UI: expected true or false, got 'maybe'");
  });

  it('stops the boot on a file flag that no module or plugin declares, naming its path', async () => {
    await expect(createTestApp({ configFile: { featureFlags: { jobs_uii: false } } })).rejects.toThrow(/featureFlags\.jobs_uii: unknown feature flag \(known: .*jobs_ui/);
  });
});

// last: once loaded, the plugin's flag stays declared in this process. The first app reads its
// configuration before the plugin declares the flag (the value kept aside is used); the second after.
describe.each([
  ['STHENO_FF_PLUGIN_WISHLIST=true', { STHENO_FF_PLUGIN_WISHLIST: 'true' }, true],
  ['unset', {}, false],
])('a flag declared by a plugin loaded from PLUGINS (%s)', (_name, flagEnv, on) => {
  let t: IdentityApp;
  beforeAll(async () => {
    t = await createIdentityApp({ env: { PLUGINS: './test/fixtures/plugins/flagged-plugin', ...flagEnv } });
  });
  afterAll(() => t?.close());

  it(on ? 'serves its route, as the environment turned it on' : 'hides its route, at its default (off)', async () => {
    const res = await t.raw().get('/store/plugin-wishlist').set('x-publishable-api-key', t.publishableKey);
    expect([res.status, res.body]).toEqual(on ? [200, { wishlist: ['prod_plugin_favourite'] }] : [404, unknownRoute('GET', '/store/plugin-wishlist')]);
    const { body } = (await t.raw().get('/openapi.json').expect(200)) as { body: OpenApiDocument };
    expect(Boolean(body.paths['/store/plugin-wishlist'])).toBe(on);
  });

  it('lists it next to the app\'s flags', async () => {
    const res = await t.api.get('/admin/feature-flags').set(...bearer(t.adminToken)).expect(200);
    expect(res.body.feature_flags).toMatchObject({ jobs_ui: true, plugin_wishlist: on });
  });
});

describe('feature flags set by the configuration file (featureFlags), the environment winning', () => {
  let t: IdentityApp;
  beforeAll(async () => {
    t = await createIdentityApp({
      imports: [FlaggedRoutesFixtureModule],
      configFile: { featureFlags: { fixture_reports: true, jobs_ui: false } },
      // the file turns the jobs UI off; the environment turns it back on
      env: { STHENO_FF_JOBS_UI: 'true' },
    });
  });
  afterAll(() => t?.close());

  it('serves the route the file turned on, and lists both values', async () => {
    expect((await t.api.get('/admin/fixture-reports').set(...bearer(t.adminToken)).expect(200)).body).toEqual({ reports: ['daily-sales', 'stock-levels'] });
    const res = await t.api.get('/admin/feature-flags').set(...bearer(t.adminToken)).expect(200);
    expect(res.body.feature_flags).toMatchObject({ fixture_reports: true, jobs_ui: true });
    // the jobs UI is there: anonymous requests get the board's own 401, not an unknown route's 404
    expect((await t.raw().get('/admin/jobs').expect(401)).body.type).toBe('unauthorized');
  });
});
