import { createWidgetsApp } from '../../fixtures/widgets';
import { TestApp } from '../../utils/create-test-app';

/** The shared list conventions, through a real route: envelope, paging, filters, order, fields, soft delete. */
describe('list query conventions', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createWidgetsApp();
    for (const [i, handle] of ['alpha', 'bravo', 'charlie', 'delta', 'echo'].entries()) {
      const res = await t.api.post('/test/widgets').send({ title: handle.toUpperCase(), handle, rank: i * 10, price: 10.5 + i }).expect(200);
      ids[handle] = res.body.widget.id;
    }
    await t.api.delete(`/test/widgets/${ids.echo}`).expect(200);
  });
  afterAll(() => t.close());

  const handles = (body: { widgets: Array<{ handle: string }> }) => body.widgets.map((w) => w.handle);

  it('answers the list envelope with defaults, hiding soft-deleted rows', async () => {
    const { body } = await t.api.get('/test/widgets').expect(200);
    expect(body).toMatchObject({ count: 4, offset: 0, limit: 20 });
    expect(handles(body)).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
    expect(body.widgets[0].id).toMatch(/^wid_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(body.widgets[0].price).toBe(10.5);
  });

  it('pages with limit and offset and counts the whole match', async () => {
    const { body } = await t.api.get('/test/widgets?limit=2&offset=1&order=rank').expect(200);
    expect(body).toMatchObject({ count: 4, offset: 1, limit: 2 });
    expect(handles(body)).toEqual(['bravo', 'charlie']);
  });

  it('orders descending with -field', async () => {
    const { body } = await t.api.get('/test/widgets?order=-rank').expect(200);
    expect(handles(body)).toEqual(['delta', 'charlie', 'bravo', 'alpha']);
  });

  it('filters by equality, arrays and operators in qs form', async () => {
    expect(handles((await t.api.get('/test/widgets?handle=bravo').expect(200)).body)).toEqual(['bravo']);
    expect(handles((await t.api.get('/test/widgets?handle[]=alpha&handle[]=delta&order=rank').expect(200)).body)).toEqual(['alpha', 'delta']);
    expect(handles((await t.api.get('/test/widgets?rank[$gte]=10&rank[$lt]=30&order=rank').expect(200)).body)).toEqual(['bravo', 'charlie']);
    expect(handles((await t.api.get('/test/widgets?handle[$nin][]=alpha&order=rank').expect(200)).body)).toEqual(['bravo', 'charlie', 'delta']);
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await t.api.get(`/test/widgets?created_at[$gt]=${future}`).expect(200)).body.count).toBe(0);
  });

  it('searches with q', async () => {
    expect(handles((await t.api.get('/test/widgets?q=arl').expect(200)).body)).toEqual(['charlie']);
  });

  it('replaces the default fields with a plain list, keeping id', async () => {
    const { body } = await t.api.get('/test/widgets?fields=title&handle=alpha').expect(200);
    expect(body.widgets).toEqual([{ id: ids.alpha, title: 'ALPHA' }]);
  });

  it('adds and removes fields with + and -', async () => {
    const { body } = await t.api.get('/test/widgets?fields=%2Bmetadata,-price,-created_at,-updated_at&handle=alpha').expect(200);
    expect(body.widgets[0]).toEqual({ id: ids.alpha, title: 'ALPHA', handle: 'alpha', rank: 0, metadata: null });
  });

  it('reads an unencoded + (a space once decoded) as an added field', async () => {
    const { body } = await t.api.get('/test/widgets?fields=+metadata&handle=alpha').expect(200);
    expect(body.widgets[0]).toHaveProperty('metadata', null);
    expect(body.widgets[0]).toHaveProperty('title', 'ALPHA');
  });

  it.each([
    ['limit=-1', /limit/],
    ['limit=101', /limit must not be greater than 100/],
    ['limit=abc', /limit/],
    ['offset=-5', /offset/],
    ['order=price', /Order field 'price' is not valid/],
    ['fields=secret,title', /Requested fields \[secret\] are not valid/],
    ['colour=red', /Unrecognized fields: 'colour'/],
    ['rank[$regex]=x', /\$regex/],
    ['rank=ten', /expects a number/],
    ['created_at[$gte]=yesterday', /expects a date/],
  ])('answers 400 invalid_data for %s', async (query, message) => {
    const res = await t.api.get(`/test/widgets?${query}`).expect(400);
    expect(res.body.type).toBe('invalid_data');
    expect(res.body.message).toMatch(message);
  });

  it('answers a missing id with 404 and a soft-deleted one too', async () => {
    expect((await t.api.get('/test/widgets/wid_nothing').expect(404)).body).toEqual({
      type: 'not_found',
      message: 'Widget with id: wid_nothing was not found',
    });
    await t.api.get(`/test/widgets/${ids.echo}`).expect(404);
  });

  it('answers a delete with the delete envelope', async () => {
    const res = await t.api.post('/test/widgets').send({ title: 'Tmp', handle: 'tmp' }).expect(200);
    const deleted = await t.api.delete(`/test/widgets/${res.body.widget.id}`).expect(200);
    expect(deleted.body).toEqual({ id: res.body.widget.id, object: 'widget', deleted: true });
    // the partial unique index lets a new row reuse a deleted row's handle
    await t.api.post('/test/widgets').send({ title: 'Tmp again', handle: 'tmp' }).expect(200);
  });
});
