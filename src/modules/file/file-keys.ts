import { ulid } from '../../framework/database/ids';

const MAX_BASE_LENGTH = 60;

/**
 * Every file id the module makes, and nothing else: a base of letters, digits, `_` and `-`
 * (starting with a letter or digit), `-`, a ULID, and an optional lower-case extension. No `/`,
 * `\`, `..` or leading dot can appear, so an id is always a plain file name in one directory and
 * names no hidden (temporary) file; anything that does not match is unknown (404).
 */
const FILE_KEY = new RegExp(`^[A-Za-z0-9][A-Za-z0-9_-]{0,${MAX_BASE_LENGTH - 1}}-[0-9A-HJKMNP-TV-Z]{26}(?:\\.[a-z0-9]{1,16})?$`);

export function isFileKey(value: string): boolean {
  return FILE_KEY.test(value);
}

/**
 * A fresh id for a file the client called `originalName`: `Summer Sale (v2).PNG` →
 * `Summer-Sale-v2-01JD…Q.png`. Only the last path segment counts (`../../etc/passwd` → `passwd-…`);
 * accents are dropped, every other character outside `[A-Za-z0-9_-]` becomes `-`, the base is cut
 * to 60 characters (`file` when nothing is left), and the extension is kept, lower-cased, when it
 * is 1-16 letters or digits (otherwise it stays part of the base). The ULID makes the id unique, so a stored file is never replaced.
 */
export function fileKeyFor(originalName: string): string {
  const name = originalName.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1) : '';
  const kept = /^[A-Za-z0-9]{1,16}$/.test(extension);
  const base = (kept ? name.slice(0, dot) : name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^[-_]+/, '')
    .slice(0, MAX_BASE_LENGTH)
    .replace(/[-_]+$/, '');
  return `${base || 'file'}-${ulid()}${kept ? `.${extension.toLowerCase()}` : ''}`;
}
