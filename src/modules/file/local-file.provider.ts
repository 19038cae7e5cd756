import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject } from '@nestjs/common';
import { isFileKey } from './file-keys';
import { FileProvider, FileToStore, LOCAL_FILE_PROVIDER_ID, RegisterFileProvider } from './file.types';
import { LOCAL_FILE_OPTIONS, LocalFileOptions } from './local-file-options';

/**
 * The built-in provider (Medusa's `file-local`): files in one directory on this machine, served
 * by `GET /static/<id>` (static-files.controller.ts). Every server process must see the same
 * directory (a shared volume) for files uploaded through one to be served by the others.
 */
@RegisterFileProvider()
export class LocalFileProvider implements FileProvider {
  readonly id = LOCAL_FILE_PROVIDER_ID;

  constructor(@Inject(LOCAL_FILE_OPTIONS) private readonly options: LocalFileOptions) {}

  get directory(): string {
    return this.options.uploadDir;
  }

  /**
   * Written under a hidden temporary name, then renamed: a file is visible under its id only
   * once complete, and a crash leaves a dot-file that is never served (ids never start with a dot).
   */
  async upload(file: FileToStore): Promise<{ url: string }> {
    const target = this.pathOf(file.key);
    await mkdir(this.directory, { recursive: true });
    const partial = join(this.directory, `.${file.key}.${randomBytes(6).toString('hex')}.partial`);
    try {
      await writeFile(partial, file.content, { flag: 'wx' });
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { url: this.urlOf(file.key) };
  }

  async getUrl(key: string): Promise<string | null> {
    if (!isFileKey(key)) return null;
    const found = await stat(this.pathOf(key)).catch(whenMissing(null));
    return found?.isFile() ? this.urlOf(key) : null;
  }

  async delete(key: string): Promise<boolean> {
    if (!isFileKey(key)) return false;
    return unlink(this.pathOf(key)).then(() => true, whenMissing(false));
  }

  /** The file's path on disk; only ids the module makes are accepted, so it is always inside the directory. */
  pathOf(key: string): string {
    if (!isFileKey(key)) throw new Error(`Not a file id: ${key.slice(0, 100)}`);
    return join(this.directory, key);
  }

  private urlOf(key: string): string {
    return `${this.options.publicUrl}/${encodeURIComponent(key)}`;
  }
}

/** Rejection handler: ENOENT becomes `value`, anything else is rethrown. */
function whenMissing<T>(value: T): (error: unknown) => T {
  return (error) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return value;
    throw error;
  };
}
