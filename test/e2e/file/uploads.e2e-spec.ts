import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Medusa from '@medusajs/js-sdk';
import { ADMIN, bearer, createIdentityApp, IdentityApp } from '../../utils/identity';

type Body = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const BACKEND_URL = 'https://api.shop.test';
const FILE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*-[0-9A-HJKMNP-TV-Z]{26}(\.[a-z0-9]+)?$/;
// the smallest valid PNG: a 1x1 transparent pixel
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/**
 * `/admin/uploads` with the built-in local provider, as Medusa's admin dashboard and the js-sdk use
 * it: files land in `<DATA_DIR>/uploads`, are served publicly at `<BACKEND_URL>/static/<id>`, and
 * can be read back and deleted; everything else (no credentials, no files, a file too large, an
 * unknown id, paths out of the directory) is refused.
 */
describe('file uploads (local provider)', () => {
  let t: IdentityApp;
  let dataDir: string;
  let uploads: string;
  let baseUrl: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'stheno-uploads-'));
    uploads = join(dataDir, 'uploads');
    t = await createIdentityApp({ env: { DATA_DIR: dataDir, BACKEND_URL: BACKEND_URL, UPLOAD_MAX_FILE_SIZE: '64kb', UPLOAD_MAX_FILES: '3' } });
    baseUrl = await t.listen();
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const admin = () => bearer(t.adminToken);
  /** The path of a public URL, fetched from this app (the URL names BACKEND_URL, not the test server). */
  const pathOf = (url: string) => {
    expect(url.startsWith(`${BACKEND_URL}/static/`)).toBe(true);
    return new URL(url).pathname;
  };
  const storedFiles = () => (existsSync(uploads) ? readdirSync(uploads) : []);
  /** A GET sent exactly as written (no client normalises `..` away). */
  const rawGet = (path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const { hostname, port } = new URL(baseUrl);
      get({ hostname, port, path }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      }).on('error', reject);
    });

  it('stores several files in one request and serves each at its public URL, with its content type', async () => {
    const res = await t.api
      .post('/admin/uploads')
      .set(...admin())
      .attach('files', Buffer.from('Hello, Stheno!\n'), { filename: 'Read me (v2).TXT', contentType: 'text/plain' })
      .attach('files', PNG, { filename: 'pixel.png', contentType: 'image/png' })
      .expect(200);
    const files: Body[] = res.body.files;
    expect(files).toHaveLength(2);
    expect(files[0].id).toMatch(/^Read-me-v2-[0-9A-Z]{26}\.txt$/);
    expect(files[1].id).toMatch(/^pixel-[0-9A-Z]{26}\.png$/);
    for (const file of files) {
      expect(Object.keys(file).sort()).toEqual(['id', 'url']);
      expect(file.url).toBe(`${BACKEND_URL}/static/${file.id}`);
      expect(existsSync(join(uploads, file.id))).toBe(true);
    }

    const text = await t.raw().get(pathOf(files[0].url)).expect(200);
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.text).toBe('Hello, Stheno!\n');
    const image = await t.raw().get(pathOf(files[1].url)).buffer(true).expect(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(image.body as Buffer, PNG)).toBe(0);
    expect(image.headers).toMatchObject({
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'content-length': String(PNG.length),
    });
    expect(image.headers['content-security-policy']).toContain('sandbox');
    // a range of the file, as video players and resumable downloads ask
    const range = await t.raw().get(pathOf(files[0].url)).set('Range', 'bytes=0-4').expect(206);
    expect(range.text).toBe('Hello');
  });

  it('documents the routes in /openapi.json: a multipart body of files, the file envelopes, the public /static route', async () => {
    const { body } = await t.raw().get('/openapi.json').expect(200);
    const upload = body.paths['/admin/uploads'].post;
    expect(upload.requestBody.content['multipart/form-data'].schema).toMatchObject({
      required: ['files'],
      properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } },
    });
    expect(Object.keys(upload.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '413']));
    expect(Object.keys(body.paths['/admin/uploads/{id}'])).toEqual(expect.arrayContaining(['get', 'delete']));
    expect(body.paths['/static/{id}'].get.security ?? []).toEqual([]);
  });

  it('retrieves a file and deletes it: gone from the disk, its URL and the API answer 404', async () => {
    const [file] = (await t.api.post('/admin/uploads').set(...admin()).attach('files', Buffer.from('temporary'), 'temp.txt').expect(200)).body.files;
    const retrieved = await t.api.get(`/admin/uploads/${file.id}`).set(...admin()).expect(200);
    expect(retrieved.body).toEqual({ file: { id: file.id, url: file.url } });

    const deleted = await t.api.delete(`/admin/uploads/${file.id}`).set(...admin()).expect(200);
    expect(deleted.body).toEqual({ id: file.id, object: 'file', deleted: true });
    expect(existsSync(join(uploads, file.id))).toBe(false);
    expect((await t.raw().get(pathOf(file.url)).expect(404)).body).toEqual({ type: 'not_found', message: 'File not found' });
    expect((await t.api.get(`/admin/uploads/${file.id}`).set(...admin()).expect(404)).body).toEqual({
      type: 'not_found',
      message: `File with id: ${file.id} was not found`,
    });
    await t.api.delete(`/admin/uploads/${file.id}`).set(...admin()).expect(404);
  });

  it('works through @medusajs/js-sdk: File objects and { name, content } entries', async () => {
    // the SDK tests `body instanceof FileList`, a browser global Node does not have
    const globals = globalThis as { FileList?: unknown };
    globals.FileList ??= class FileList {};
    const sdk = new Medusa({ baseUrl, auth: { type: 'jwt', jwtTokenStorageMethod: 'memory' } });
    await sdk.auth.login('user', 'emailpass', ADMIN);

    const { files } = await sdk.admin.upload.create({
      files: [new File(['a,b\n1,2\n'], 'prices.csv', { type: 'text/csv' }), { name: 'notes.txt', content: 'from the sdk' }],
    });
    expect(files.map((f: { id: string }) => f.id)).toEqual([expect.stringMatching(/^prices-.*\.csv$/), expect.stringMatching(/^notes-.*\.txt$/)]);
    expect((await t.raw().get(pathOf(files[0].url)).expect(200)).text).toBe('a,b\n1,2\n');
    expect((await t.raw().get(pathOf(files[1].url)).expect(200)).text).toBe('from the sdk');

    const { file } = await sdk.admin.upload.retrieve(files[0].id);
    expect(file).toEqual(files[0]);
    await expect(sdk.admin.upload.delete(files[0].id)).resolves.toEqual({ id: files[0].id, object: 'file', deleted: true });
    await expect(sdk.admin.upload.retrieve(files[0].id)).rejects.toMatchObject({ status: 404 });
  });

  it('refuses anonymous requests, storing nothing', async () => {
    const before = storedFiles();
    expect((await t.api.post('/admin/uploads').attach('files', Buffer.from('x'), 'x.txt').expect(401)).body).toEqual({ message: 'Unauthorized' });
    await t.api.get(`/admin/uploads/x-${'0'.repeat(26)}.txt`).expect(401);
    await t.api.delete(`/admin/uploads/x-${'0'.repeat(26)}.txt`).expect(401);
    expect(storedFiles()).toEqual(before);
  });

  it('refuses a file over UPLOAD_MAX_FILE_SIZE with 413, storing none of the request', async () => {
    const before = storedFiles();
    const res = await t.api
      .post('/admin/uploads')
      .set(...admin())
      .attach('files', Buffer.from('small'), 'small.txt')
      .attach('files', Buffer.alloc(64 * 1024 + 1, 1), 'big.bin')
      .expect(413);
    expect(res.body).toEqual({ type: 'payload_too_large', message: 'File too large: each file may be at most 64 KB' });
    expect(storedFiles()).toEqual(before);
    // exactly at the limit is fine
    const fits = await t.api.post('/admin/uploads').set(...admin()).attach('files', Buffer.alloc(64 * 1024, 1), 'fits.bin').expect(200);
    expect(fits.body.files[0].id).toMatch(FILE_ID);
  });

  it('refuses a request without files, with files in another field, or with too many files', async () => {
    const before = storedFiles();
    const noFiles = await t.api.post('/admin/uploads').set(...admin()).field('title', 'no files here').expect(400);
    expect(noFiles.body).toEqual({ type: 'invalid_data', message: 'No files were uploaded' });
    const json = await t.api.post('/admin/uploads').set(...admin()).send({ files: ['a.txt'] }).expect(400);
    expect(json.body).toEqual({ type: 'invalid_data', message: 'No files were uploaded' });

    const malformed = await t.api.post('/admin/uploads').set(...admin()).set('Content-Type', 'multipart/form-data; boundary=xyz').send('--xyz\r\nnot a part').expect(400);
    expect(malformed.body).toMatchObject({ type: 'invalid_data', message: expect.stringMatching(/^Multipart: /) });

    const wrongField = await t.api.post('/admin/uploads').set(...admin()).attach('file', Buffer.from('x'), 'x.txt').expect(400);
    expect(wrongField.body).toEqual({ type: 'invalid_data', message: "Unexpected file field 'file': send the files in the 'files' field" });

    let tooMany = t.api.post('/admin/uploads').set(...admin());
    for (let i = 0; i < 4; i++) tooMany = tooMany.attach('files', Buffer.from(`file ${i}`), `f${i}.txt`);
    expect((await tooMany.expect(400)).body).toEqual({ type: 'invalid_data', message: 'Too many files: at most 3 can be uploaded at once' });
    expect(storedFiles()).toEqual(before);
  });

  it('answers 404 for unknown ids and for ids no upload could have made', async () => {
    for (const id of [`nothing-${'0'.repeat(26)}.txt`, 'package.json', '..%2F..%2Fpackage.json', '%2e%2e', `.${'x'}`]) {
      expect((await t.api.get(`/admin/uploads/${id}`).set(...admin()).expect(404)).body).toMatchObject({ type: 'not_found' });
      expect((await t.api.delete(`/admin/uploads/${id}`).set(...admin()).expect(404)).body).toMatchObject({ type: 'not_found' });
    }
  });

  it('serves nothing outside the upload directory, no hidden file and no listing under /static', async () => {
    writeFileSync(join(dataDir, 'secret.txt'), 'TOP SECRET');
    mkdirSync(uploads, { recursive: true });
    const [file] = (await t.api.post('/admin/uploads').set(...admin()).attach('files', Buffer.from('public'), 'public.txt').expect(200)).body.files;
    const hidden = `.${file.id}.0a1b2c3d4e5f.partial`;
    writeFileSync(join(uploads, hidden), 'half written');

    const attempts = [
      '/static/../secret.txt',
      '/static/..%2Fsecret.txt',
      '/static/%2e%2e%2fsecret.txt',
      '/static/%2E%2E/secret.txt',
      '/static/..%5csecret.txt',
      '/static/....//secret.txt',
      `/static/${file.id}/../../secret.txt`,
      `/static/${file.id}%2F..%2F..%2Fsecret.txt`,
      `/static/${hidden}`,
    ];
    for (const path of attempts) {
      const res = await rawGet(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(JSON.parse(res.body)).toMatchObject({ type: 'not_found' });
      expect(res.body).not.toMatch(/TOP SECRET|half written/);
    }
    // a NUL never reaches the file system
    expect((await rawGet('/static/%00')).status).toBe(400);
    // no listing of the directory
    for (const path of ['/static/', '/static', '/static/.', '/static/%2e']) {
      const res = await rawGet(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.body).not.toContain(file.id);
    }
    // the file itself is still served
    expect(await rawGet(pathOf(file.url))).toEqual({ status: 200, body: 'public' });
  });
});
