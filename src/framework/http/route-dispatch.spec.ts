import express, { Request, Response } from 'express';
import request from 'supertest';
import { dispatchByFirstSegment, ExpressRouter, literalFirstSegment } from './route-dispatch';

describe('literalFirstSegment', () => {
  it.each([
    ['/store/carts/:id', 'store'],
    ['/Store', 'store'],
    ['/admin', 'admin'],
    ['/', ''],
  ])('reads %j as the literal %j', (path, segment) => {
    expect(literalFirstSegment({ route: { path } })).toBe(segment);
  });

  it.each(['/:locale/products', '/{*path}', '/*splat', '/{:v}/x', '/a\\:b/c', 'relative'])('finds no literal in %j', (path) => {
    expect(literalFirstSegment({ route: { path } })).toBeUndefined();
  });

  it('finds none in a middleware layer or a RegExp path', () => {
    expect(literalFirstSegment({})).toBeUndefined();
    expect(literalFirstSegment({ route: { path: /^\/store/ } })).toBeUndefined();
  });
});

/** The same routes on two apps, one dispatching by first segment: every request must get the same answer from both. */
function build(dispatch: boolean): express.Express {
  const app = express();
  const log: string[] = [];
  const say = (what: string) => (req: Request, res: Response) => res.json({ what, params: req.params, log });
  app.use((req, _res, next) => {
    log.length = 0;
    log.push(`first ${req.method} ${req.path}`);
    next();
  });
  app.get('/store/carts/:id', say('store cart'));
  app.get('/:family/carts/:id', say('any family cart'));
  app.post('/store/carts/:id/line-items', say('add line'));
  app.get('/admin/orders', say('admin orders'));
  app.use('/admin', (_req, _res, next) => {
    log.push('admin middleware');
    next();
  });
  app.get('/admin/late', say('admin late'));
  app.get('/Case/exact', say('case'));
  app.all('/{*rest}', (req, _res, next) => {
    log.push('wildcard');
    next();
  });
  app.get('/', say('root'));
  app.use((_req: Request, res: Response) => res.status(404).json({ what: 'not found', log }));
  if (dispatch) dispatchByFirstSegment(app.router as unknown as ExpressRouter);
  return app;
}

describe('dispatchByFirstSegment', () => {
  const plain = build(false);
  const grouped = build(true);
  const cases: Array<[string, string]> = [
    ['get', '/store/carts/cart_1'],
    ['get', '/STORE/carts/cart_1?x=1'],
    ['get', '/shop/carts/cart_2'],
    ['post', '/store/carts/cart_1/line-items'],
    ['get', '/store/carts/cart_1/line-items'],
    ['get', '/admin/orders'],
    ['get', '/admin/late'],
    ['get', '/case/exact'],
    ['get', '/'],
    ['get', '/?q=1'],
    ['get', '/nowhere'],
    ['get', '/%73tore/carts/cart_1'],
    ['head', '/store/carts/cart_1'],
    ['options', '/store/carts/cart_1'],
  ];

  it.each(cases)('answers %s %s as the undivided router does', async (method, path) => {
    const [a, b] = await Promise.all([request(plain)[method as 'get'](path), request(grouped)[method as 'get'](path)]);
    expect({ status: b.status, body: b.body, allow: b.headers.allow }).toEqual({ status: a.status, body: a.body, allow: a.headers.allow });
  });

  it('routes to the layer its first segment names, and to catch-all layers for an unknown segment', async () => {
    expect((await request(grouped).get('/store/carts/c')).body.what).toBe('store cart');
    expect((await request(grouped).get('/shop/carts/c')).body).toMatchObject({ what: 'any family cart', params: { family: 'shop' } });
    expect((await request(grouped).get('/admin/late')).body.log).toEqual(['first GET /admin/late', 'admin middleware']);
    expect((await request(grouped).get('/nowhere')).body).toEqual({ what: 'not found', log: ['first GET /nowhere', 'wildcard'] });
  });

  it('sees a layer registered after it ran', async () => {
    const app = express();
    app.get('/early/route', (_req, res) => res.json({ what: 'early' }));
    dispatchByFirstSegment(app.router as unknown as ExpressRouter);
    expect((await request(app).get('/early/route')).body.what).toBe('early');
    app.get('/late/route', (_req, res) => res.json({ what: 'late' }));
    expect((await request(app).get('/late/route')).body.what).toBe('late');
  });
});
