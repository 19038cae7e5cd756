import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileService } from '../../../src/modules/file/file.service';
import { MemoryFileProvider, TestFileProvidersModule } from '../../fixtures/file-providers.fixture';
import { bucketObjects } from '../../fixtures/providers/bucket-file';
import { createTestApp } from '../../utils/create-test-app';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';

type Body = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A provider registered by another module (as a plugin's S3 provider would be) takes the uploads
 * over from the built-in `local`: the routes answer its ids and URLs, and the local directory stays
 * empty. An upload is all or nothing: when the provider refuses one file, the others are removed.
 */
describe('file providers', () => {
  let t: IdentityApp;
  let dataDir: string;
  let memory: MemoryFileProvider;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'stheno-file-providers-'));
    t = await createIdentityApp({ env: { DATA_DIR: dataDir }, imports: [TestFileProvidersModule] });
    memory = t.app.get(MemoryFileProvider);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const admin = () => bearer(t.adminToken);

  it('lists both providers, the registered one storing new uploads', () => {
    expect(t.app.get(FileService).listProviders()).toEqual([
      { id: 'local', is_default: false },
      { id: 'test-memory', is_default: true },
    ]);
  });

  it('stores, retrieves and deletes through the registered provider, never on the local disk', async () => {
    const res = await t.api.post('/admin/uploads').set(...admin()).attach('files', Buffer.from('to the bucket'), { filename: 'logo.svg', contentType: 'image/svg+xml' }).expect(200);
    const [file]: Body[] = res.body.files;
    expect(file).toEqual({ id: expect.stringMatching(/^logo-[0-9A-Z]{26}\.svg$/), url: `https://cdn.example.test/bucket/${file.id}` });
    expect(memory.objects.get(file.id)).toMatchObject({ key: file.id, filename: 'logo.svg', mimeType: 'image/svg+xml', content: Buffer.from('to the bucket') });
    expect(existsSync(join(dataDir, 'uploads')) ? readdirSync(join(dataDir, 'uploads')) : []).toEqual([]);

    expect((await t.api.get(`/admin/uploads/${file.id}`).set(...admin()).expect(200)).body).toEqual({ file });
    await t.api.delete(`/admin/uploads/${file.id}`).set(...admin()).expect(200);
    expect(memory.objects.has(file.id)).toBe(false);
    await t.api.get(`/admin/uploads/${file.id}`).set(...admin()).expect(404);
  });

  it('removes the stored files of a request when the provider refuses one of them', async () => {
    const before = memory.objects.size;
    const res = await t.api
      .post('/admin/uploads')
      .set(...admin())
      .attach('files', Buffer.from('fine'), 'fine.txt')
      .attach('files', Buffer.from('refused'), 'fail.txt')
      .expect(500);
    // the provider's message stays in the log
    expect(res.body).toEqual({ type: 'unknown_error', code: 'unknown_error', message: 'An unknown error occurred.' });
    expect(memory.objects.size).toBe(before);
  });
});

/** The local provider's options (Medusa's `file-local` names) and the module switched off, from the configuration file. */
describe('modules.file in the configuration file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'stheno-file-config-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores in upload_dir and builds URLs on backend_url', async () => {
    const uploadDir = join(dir, 'media');
    const t = await createIdentityApp({
      configFile: { modules: { file: { options: { upload_dir: uploadDir, backend_url: 'https://cdn.example.test/media/' } } } },
    });
    try {
      const [file] = (await t.api.post('/admin/uploads').set(...bearer(t.adminToken)).attach('files', Buffer.from('configured'), 'c.txt').expect(200)).body.files;
      expect(file.url).toBe(`https://cdn.example.test/media/${file.id}`);
      expect(readdirSync(uploadDir)).toEqual([file.id]);
      // /static serves upload_dir whatever the URLs point at (a CDN in front of it)
      expect((await t.raw().get(`/static/${file.id}`).expect(200)).text).toBe('configured');
    } finally {
      await t.close();
    }
  });

  it('modules.file: false leaves the uploads and /static out', async () => {
    const t = await createIdentityApp({ configFile: { modules: { file: false } } });
    try {
      const upload = await t.raw().post('/admin/uploads').set(...bearer(t.adminToken)).attach('files', Buffer.from('x'), 'x.txt');
      expect(upload.status).toBe(404);
      expect(upload.body).toEqual({ type: 'not_found', message: 'Route POST /admin/uploads does not exist' });
      expect((await t.raw().get(`/static/x-${'0'.repeat(26)}.txt`)).status).toBe(404);
      expect(() => t.app.get(FileService)).toThrow();
    } finally {
      await t.close();
    }
  });

  it('stores with a provider listed in options.providers, given its options (Medusa\'s form, the local entry configuring the built-in)', async () => {
    const t = await createIdentityApp({
      configFile: {
        modules: {
          file: {
            resolve: '@medusajs/medusa/file',
            options: {
              providers: [
                { resolve: '@medusajs/medusa/file-local', id: 'local', options: { upload_dir: join(dir, 'unused') } },
                { resolve: './test/fixtures/providers/bucket-file', id: 's3', options: { bucket: 'shop-media', cdn: 'https://cdn.example.test' } },
              ],
            },
          },
        },
      },
    });
    try {
      const [file] = (await t.api.post('/admin/uploads').set(...bearer(t.adminToken)).attach('files', Buffer.from('in the bucket'), 'b.txt').expect(200)).body.files;
      expect(file.url).toBe(`https://cdn.example.test/shop-media/${file.id}`);
      expect(bucketObjects.get(file.id)?.bucket).toBe('shop-media');
      expect(t.app.get(FileService).listProviders()).toEqual([
        { id: 'local', is_default: false },
        { id: 's3', is_default: true },
      ]);
      await t.api.delete(`/admin/uploads/${file.id}`).set(...bearer(t.adminToken)).expect(200);
      expect(bucketObjects.has(file.id)).toBe(false);
    } finally {
      await t.close();
    }
  });

  it('stops the boot on a provider that does not resolve, naming its path', async () => {
    await expect(
      createTestApp({ configFile: { modules: { file: { options: { providers: [{ resolve: './test/fixtures/providers/no-such-file', id: 's3' }] } } } } }),
    ).rejects.toThrow(/modules\.file\.options\.providers\[0\]\.resolve: cannot find '\.\/test\/fixtures\/providers\/no-such-file'/);
  });
});
