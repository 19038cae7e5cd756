import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileKeyFor } from './file-keys';
import { LocalFileProvider } from './local-file.provider';

describe('LocalFileProvider', () => {
  let root: string;
  let dir: string;
  let provider: LocalFileProvider;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'stheno-files-'));
    dir = join(root, 'not-yet-created', 'uploads');
    provider = new LocalFileProvider({ uploadDir: dir, publicUrl: 'https://api.example.com/static' });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const store = async (name: string, content: string) => {
    const key = fileKeyFor(name);
    const { url } = await provider.upload({ key, filename: name, mimeType: 'text/plain', content: Buffer.from(content) });
    return { key, url };
  };

  it('writes the file under its id, creating the directory, and answers its public URL', async () => {
    const { key, url } = await store('notes.txt', 'hello');
    expect(url).toBe(`https://api.example.com/static/${key}`);
    expect(readFileSync(join(dir, key), 'utf8')).toBe('hello');
    // no partial file left behind
    expect(readdirSync(dir)).toEqual([key]);
  });

  it('answers the URL of a stored file and null for any other id', async () => {
    const { key, url } = await store('a.txt', 'a');
    await expect(provider.getUrl(key)).resolves.toBe(url);
    await expect(provider.getUrl(fileKeyFor('missing.txt'))).resolves.toBeNull();
    await expect(provider.getUrl('../../etc/passwd')).resolves.toBeNull();
  });

  it('deletes a stored file once, and reports ids it does not hold', async () => {
    const { key } = await store('b.txt', 'b');
    await expect(provider.delete(key)).resolves.toBe(true);
    expect(existsSync(join(dir, key))).toBe(false);
    await expect(provider.delete(key)).resolves.toBe(false);
    await expect(provider.delete('../not-a-key')).resolves.toBe(false);
  });

  it('never turns a non-id into a path', () => {
    expect(() => provider.pathOf('../outside.txt')).toThrow('Not a file id');
    expect(() => provider.pathOf('.hidden')).toThrow('Not a file id');
  });

  it('leaves no partial file when writing fails', async () => {
    const { key } = await store('c.txt', 'c');
    // the id is taken as a directory name now: the rename onto it fails
    rmSync(join(dir, key));
    mkdirSync(join(dir, key));
    await expect(provider.upload({ key, filename: 'c.txt', mimeType: 'text/plain', content: Buffer.from('again') })).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([key]);
  });
});
