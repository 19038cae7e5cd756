import { declareConfigurableProviders } from '../../framework/providers/provider-kinds';
import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';

// ---------------------------------------------------------------------------------------------
// Providers
// ---------------------------------------------------------------------------------------------

/** What a provider is asked to store. */
export interface FileToStore {
  /**
   * The file's id, chosen by the file module: `<sanitized original name>-<ULID><.ext>`, only
   * letters, digits, `-`, `_` and one `.` before the extension, never a path. Use it as the
   * object's name (a provider may put it under a prefix of its own).
   */
  key: string;
  /** The name the client sent, as sent (for metadata such as Content-Disposition; never a path to trust). */
  filename: string;
  /** The content type the client declared (`application/octet-stream` when it declared none). */
  mimeType: string;
  content: Buffer;
}

/**
 * Where files live: the local disk (built in, id `local`), S3, a CDN… Keys reaching a provider
 * are always ones the module made (`FileToStore.key`), so a provider never sees a path that a
 * client wrote. Every method may throw: the upload route answers 500 and, for a failed upload,
 * the module deletes the files of the same request already stored.
 */
export interface FileProvider {
  /** Letters, digits, `_` or `-` (`local`, `s3`). */
  readonly id: string;
  /** Stores the file under `key` and returns the URL clients fetch it from. */
  upload(file: FileToStore): Promise<{ url: string }>;
  /** The URL of the file stored under `key` (a public or a presigned one), or null when there is none. */
  getUrl(key: string): Promise<string | null>;
  /** Removes the file; false when nothing was stored under `key`. */
  delete(key: string): Promise<boolean>;
}

export const FILE_PROVIDER_METADATA = 'stheno:file-provider';

/**
 * Makes a class a file provider the file module finds at boot, wherever the class is provided (a
 * module of the app, a plugin, a test module):
 *
 *   @RegisterFileProvider()
 *   export class S3FileProvider implements FileProvider { readonly id = 's3'; … }
 *
 * The module stores files with one provider: the first registered provider other than `local`
 * (the built-in fallback); it logs its choice at boot (file-provider.registry.ts).
 */
export function RegisterFileProvider(): ClassDecorator {
  return applyDecorators(Injectable(), SetMetadata(FILE_PROVIDER_METADATA, true));
}

/** The built-in provider: files on the local disk, served at `/static/<id>`. */
export const LOCAL_FILE_PROVIDER_ID = 'local';

const FILE_PROVIDER_ID = /^[\w-]{1,64}$/;

/**
 * File providers from the configuration file, Medusa's way:
 * `modules.file.options.providers: [{ resolve: './src/providers/s3', id: 's3', options }]`. The id
 * is the entry's (the class's `id` without one); a configured provider stores the files, and one
 * with id `local` replaces the built-in. Medusa's own `{ resolve: '@medusajs/medusa/file-local',
 * id: 'local', options }` entry configures the built-in (local-file-options.ts).
 */
export const FILE_PROVIDER_KIND = declareConfigurableProviders({
  moduleKey: 'file',
  label: 'file provider',
  decorator: '@RegisterFileProvider()',
  metadataKey: FILE_PROVIDER_METADATA,
  providerId: ({ id, identifier }) => {
    const chosen = id ?? identifier;
    if (!chosen) return { on: 'id', problem: "required: the id the file module knows the provider by (e.g. 's3')" };
    return FILE_PROVIDER_ID.test(chosen) ? { id: chosen } : { on: 'id', problem: `'${chosen}' is not a valid id (1-64 letters, digits, '_' or '-')` };
  },
  isBuiltInEntry: ({ resolve }) => /(^|\/)file-local$/.test(resolve),
});

// ---------------------------------------------------------------------------------------------
// Views and inputs
// ---------------------------------------------------------------------------------------------

/** A stored file as Medusa's upload routes return it. */
export interface FileView {
  id: string;
  url: string;
}

export interface UploadFileInput {
  /** The client's file name: only its sanitized base name and extension reach the id. */
  filename: string;
  mimeType?: string;
  content: Buffer;
}

export interface FileProviderView {
  id: string;
  /** Whether new uploads go to this provider. */
  is_default: boolean;
}
