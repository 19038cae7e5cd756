import { TestApp } from '../../utils/create-test-app';
import { createWidgetsApp } from '../../fixtures/widgets';

/** Every failure a client can cause gets a clear 4xx with `{type, message}`; internals never leak. */
describe('error shapes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createWidgetsApp({ env: { HTTP_BODY_LIMIT: '2kb' } });
  });
  afterAll(() => t.close());

  it.each([
    ['not_found', 404, undefined],
    ['invalid_data', 400, undefined],
    ['not_allowed', 400, undefined],
    ['unauthorized', 401, undefined],
    ['forbidden', 403, undefined],
    ['duplicate_error', 422, 'invalid_request_error'],
    ['payment_authorization_error', 422, undefined],
    ['conflict', 409, 'invalid_state_error'],
  ])('a thrown %s error answers %i with its type and message', async (type, status, code) => {
    const res = await t.api.get(`/test/errors/${type}`).expect(status);
    expect(res.body).toEqual(code ? { type, message: `Deliberate ${type}`, code } : { type, message: `Deliberate ${type}` });
  });

  it('keeps an explicit code such as insufficient_inventory', async () => {
    const res = await t.api.get('/test/errors/with-code').expect(400);
    expect(res.body).toEqual({ type: 'not_allowed', message: 'Not enough stock', code: 'insufficient_inventory' });
  });

  it('hides the message of a database_error', async () => {
    const res = await t.api.get('/test/errors/database_error').expect(500);
    expect(res.body).toEqual({ type: 'database_error', code: 'api_error', message: 'An unexpected database error occurred.' });
  });

  it('answers an unexpected exception with unknown_error and no internal detail', async () => {
    const res = await t.api.get('/test/errors/crash').expect(500);
    expect(res.body).toEqual({ type: 'unknown_error', code: 'unknown_error', message: 'An unknown error occurred.' });
    expect(res.text).not.toMatch(/hunter2|app\.js|at /);
  });

  it('answers an unknown route with 404 not_found', async () => {
    const res = await t.raw().get('/store/nothing-here').expect(404);
    expect(res.body).toEqual({ type: 'not_found', message: 'Route GET /store/nothing-here does not exist' });
  });

  it('rejects malformed JSON with 400 invalid_data and writes nothing', async () => {
    const res = await t.api.post('/test/widgets').set('content-type', 'application/json').send('{"title": "A",').expect(400);
    expect(res.body).toEqual({ type: 'invalid_data', message: 'Invalid request: the body is not valid JSON' });
    expect((await t.api.get('/test/widgets').expect(200)).body.count).toBe(0);
  });

  it('rejects a body over the limit with 413', async () => {
    const res = await t.raw()
      .post('/test/widgets')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ title: 'x'.repeat(4000), handle: 'big' }))
      .expect(413);
    expect(res.body.type).toBe('payload_too_large');
    expect(res.body.message).toMatch(/larger than the limit/);
  });

  it('rejects unknown body fields, naming them', async () => {
    const res = await t.api.post('/test/widgets').send({ title: 'A', handle: 'a', colour: 'red', size: 2 }).expect(400);
    expect(res.body).toEqual({ type: 'invalid_data', message: "Invalid request: Unrecognized fields: 'colour', 'size'" });
  });

  it('rejects unknown nested fields with their path', async () => {
    const res = await t.api.post('/test/widgets').send({ title: 'A', handle: 'a', dimensions: { width: 1, depth: 2 } }).expect(400);
    expect(res.body.message).toBe("Invalid request: Unrecognized fields: 'dimensions.depth'");
  });

  it('names the field and the expected type of a wrongly typed value', async () => {
    const res = await t.api.post('/test/widgets').send({ title: 123, handle: 'a' }).expect(400);
    expect(res.body).toEqual({ type: 'invalid_data', message: "Invalid request: Expected type: 'string' for field 'title', got: '123'" });
  });

  it('names a missing required field', async () => {
    const res = await t.api.post('/test/widgets').send({ title: 'A' }).expect(400);
    expect(res.body.type).toBe('invalid_data');
    expect(res.body.message).toMatch(/handle/);
  });

  it('translates a unique violation into 422 duplicate_error and keeps the first row', async () => {
    await t.api.post('/test/widgets').send({ title: 'Shirt', handle: 'shirt' }).expect(200);
    const res = await t.api.post('/test/widgets').send({ title: 'Other shirt', handle: 'shirt' }).expect(422);
    expect(res.body).toEqual({
      type: 'duplicate_error',
      code: 'invalid_request_error',
      message: 'Test widget with handle: shirt, already exists.',
    });
    const list = await t.api.get('/test/widgets?handle=shirt').expect(200);
    expect(list.body.widgets.map((w: { title: string }) => w.title)).toEqual(['Shirt']);
  });

  it('refuses a NUL character, which PostgreSQL text cannot hold, with 400 wherever it is', async () => {
    const message = 'Invalid request: text must not contain NUL (\\u0000) characters';
    for (const res of [
      await t.raw().post('/test/widgets').send({ title: 'a\u0000b', handle: 'nul' }).expect(400),
      await t.raw().post('/test/widgets').send({ title: 'A', handle: 'nul', metadata: { note: 'a\u0000b' } }).expect(400),
      await t.raw().get('/test/widgets/wid_%00').expect(400),
      await t.raw().get('/test/widgets?handle=a%00').expect(400),
    ]) {
      expect(res.body).toEqual({ type: 'invalid_data', message });
    }
    expect((await t.api.get('/test/widgets?handle=nul').expect(200)).body.count).toBe(0);
  });

  it('answers a corrupt compressed body with 400', async () => {
    const res = await t.raw()
      .post('/test/widgets')
      .set('content-type', 'application/json')
      .set('content-encoding', 'gzip')
      .send(Buffer.from('definitely not gzip'))
      .expect(400);
    expect(res.body.type).toBe('invalid_data');
    expect(res.body.message).toMatch(/^Invalid request: /);
  });

  it('echoes a well-formed x-request-id and makes one otherwise', async () => {
    const given = await t.api.get('/test/widgets').set('x-request-id', 'req-42.abc').expect(200);
    expect(given.headers['x-request-id']).toBe('req-42.abc');
    const made = await t.api.get('/test/widgets').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const hostile = await t.api.get('/test/widgets').set('x-request-id', 'bad id <script>').expect(200);
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('echoes the request id on errors raised before routing', async () => {
    const res = await t.raw().post('/test/widgets').set('x-request-id', 'early-1').set('content-type', 'application/json').send('{').expect(400);
    expect(res.headers['x-request-id']).toBe('early-1');
  });
});
