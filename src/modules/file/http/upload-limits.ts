import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import type { MulterModuleOptions } from '@nestjs/platform-express';
import { catchError, Observable, throwError } from 'rxjs';
import { APP_CONFIG, AppConfig, UploadsConfig } from '../../../framework/config/app-config';
import { ErrorTypes, SthenoError } from '../../../framework/errors/stheno-error';

/** The multipart field the files travel in (the js-sdk's `sdk.admin.upload.create`, Medusa's route). */
export const UPLOAD_FIELD = 'files';

/** A file as multer's memory storage hands it over. */
export interface ReceivedFile {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/**
 * multer's options for `POST /admin/uploads`: files held in memory (bounded by the size and count
 * limits), a handful of small text fields at most (they are ignored), UTF-8 file names. The filter
 * refuses, with messages that say what to do, a file in another field and one file too many; the
 * limit on `files` one above it is only a backstop, so the filter is what speaks.
 */
export function uploadMulterOptions(limits: UploadsConfig): MulterModuleOptions {
  const received = new WeakMap<object, number>();
  return {
    defParamCharset: 'utf8',
    limits: { fileSize: limits.maxFileSize, files: limits.maxFiles + 1, fields: 20, fieldSize: 64 * 1024 },
    fileFilter: (req: object, file, callback) => {
      if (file.fieldname !== UPLOAD_FIELD) {
        return callback(SthenoError.invalidData(`Unexpected file field '${file.fieldname.slice(0, 100)}': send the files in the '${UPLOAD_FIELD}' field`), false);
      }
      const count = (received.get(req) ?? 0) + 1;
      received.set(req, count);
      if (count > limits.maxFiles) return callback(SthenoError.invalidData(`Too many files: at most ${limits.maxFiles} can be uploaded at once`), false);
      callback(null, true);
    },
  };
}

/** multer's one 413 (a file over `fileSize`), said with the limit. */
@Injectable()
export class UploadLimitsInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) =>
        throwError(() =>
          error instanceof PayloadTooLargeException
            ? new SthenoError(ErrorTypes.PAYLOAD_TOO_LARGE, `File too large: each file may be at most ${describeBytes(this.config.uploads.maxFileSize)}`)
            : error,
        ),
      ),
    );
  }
}

function describeBytes(bytes: number): string {
  for (const [unit, size] of [['GB', 1024 ** 3], ['MB', 1024 ** 2], ['KB', 1024]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} bytes`;
}
