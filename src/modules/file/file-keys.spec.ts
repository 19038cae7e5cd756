import { fileKeyFor, isFileKey } from './file-keys';

const ULID = '[0-9A-HJKMNP-TV-Z]{26}';

describe('fileKeyFor', () => {
  it('keeps a readable base and the extension, lower-cased, around a ULID', () => {
    expect(fileKeyFor('Summer Sale (v2).PNG')).toMatch(new RegExp(`^Summer-Sale-v2-${ULID}\\.png$`));
    expect(fileKeyFor('Été à Paris.jpeg')).toMatch(new RegExp(`^Ete-a-Paris-${ULID}\\.jpeg$`));
  });

  it('never keeps a path: only the last segment of / or \\ separated names counts', () => {
    expect(fileKeyFor('../../etc/passwd')).toMatch(new RegExp(`^passwd-${ULID}$`));
    expect(fileKeyFor('..\\..\\windows\\win.ini')).toMatch(new RegExp(`^win-${ULID}\\.ini$`));
    expect(fileKeyFor('a/..')).toMatch(new RegExp(`^file-${ULID}$`));
  });

  it('falls back to "file" when nothing usable is left, and never starts with a dot', () => {
    expect(fileKeyFor('')).toMatch(new RegExp(`^file-${ULID}$`));
    expect(fileKeyFor('.bashrc')).toMatch(new RegExp(`^bashrc-${ULID}$`));
    expect(fileKeyFor('日本.png')).toMatch(new RegExp(`^file-${ULID}\\.png$`));
  });

  it('drops an extension that is not 1-16 letters or digits, and cuts long bases to 60 characters', () => {
    expect(fileKeyFor('archive.tar.g z')).toMatch(new RegExp(`^archive-tar-g-z-${ULID}$`));
    expect(fileKeyFor(`${'x'.repeat(200)}.txt`)).toMatch(new RegExp(`^x{60}-${ULID}\\.txt$`));
  });

  it('gives every call its own id, each one a valid file key', () => {
    const keys = Array.from({ length: 50 }, () => fileKeyFor('same.txt'));
    expect(new Set(keys).size).toBe(50);
    expect(keys.every(isFileKey)).toBe(true);
  });
});

describe('isFileKey', () => {
  it('refuses anything an upload could not have made', () => {
    const valid = fileKeyFor('photo.png');
    expect(isFileKey(valid)).toBe(true);
    for (const key of ['', '..', `../${valid}`, `${valid}/x`, `.${valid}`, `${valid}.partial`, 'passwd', `photo-${'0'.repeat(25)}.png`, `a\\${valid}`, `${valid}\u0000`]) {
      expect(isFileKey(key)).toBe(false);
    }
  });
});
