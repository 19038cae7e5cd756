import { Injectable } from '@nestjs/common';
import { SthenoError } from '../../framework/errors/stheno-error';
import { FileProviderRegistry } from './file-provider.registry';
import { fileKeyFor, isFileKey } from './file-keys';
import { FileProviderView, FileView, UploadFileInput } from './file.types';

/**
 * The File module's facade (Medusa's File module): stores files with the configured provider and
 * answers their URLs. It owns no table and opens no transaction, so it takes no context; a flow
 * that uploads declares `delete` as the step's compensation.
 */
@Injectable()
export class FileService {
  constructor(private readonly registry: FileProviderRegistry) {}

  /**
   * Stores every file or none: when one fails, the others of the call that were stored are
   * deleted before the error propagates. Ids are made here (file-keys.ts), never taken from the client.
   */
  async upload(files: UploadFileInput[]): Promise<FileView[]> {
    if (files.length === 0) throw SthenoError.invalidData('No files were uploaded');
    const provider = this.registry.active;
    const results = await Promise.allSettled(
      files.map(async (file): Promise<FileView> => {
        const key = fileKeyFor(file.filename);
        const { url } = await provider.upload({ key, filename: file.filename, mimeType: file.mimeType || 'application/octet-stream', content: file.content });
        return { id: key, url };
      }),
    );
    const stored = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) {
      await Promise.allSettled(stored.map((file) => provider.delete(file.id)));
      throw failure.reason;
    }
    return stored;
  }

  /** The file's URL; not_found for an id the provider does not hold (or that no upload could have made). */
  async retrieve(id: string): Promise<FileView> {
    const url = isFileKey(id) ? await this.registry.active.getUrl(id) : null;
    if (!url) throw notFound(id);
    return { id, url };
  }

  async delete(id: string): Promise<void> {
    const deleted = isFileKey(id) && (await this.registry.active.delete(id));
    if (!deleted) throw notFound(id);
  }

  /** Every registered provider; `is_default` marks the one that stores new uploads. */
  listProviders(): FileProviderView[] {
    return this.registry.list();
  }
}

function notFound(id: string): SthenoError {
  return SthenoError.notFound(`File with id: ${id.length > 100 ? `${id.slice(0, 100)}…` : id} was not found`);
}
