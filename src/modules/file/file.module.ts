import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, AppConfig } from '../../framework/config/app-config';
import { FileProviderRegistry } from './file-provider.registry';
import { FileService } from './file.service';
import { AdminUploadsController } from './http/admin-uploads.controller';
import { StaticFilesController } from './http/static-files.controller';
import { uploadMulterOptions } from './http/upload-limits';
import { LOCAL_FILE_OPTIONS, localFileOptions } from './local-file-options';
import { LocalFileProvider } from './local-file.provider';

/**
 * Medusa's File module: the provider registry (any `@RegisterFileProvider()` of the app or a
 * plugin), the built-in `local` provider and its `/static` route, and `/admin/uploads`. It owns no
 * table. Options: `UPLOAD_MAX_FILE_SIZE`, `UPLOAD_MAX_FILES`, `BACKEND_URL`, and the local
 * provider's `upload_dir` / `backend_url` in `modules.file.options` (local-file-options.ts).
 */
@Module({
  imports: [
    DiscoveryModule,
    MulterModule.registerAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => uploadMulterOptions(config.uploads) }),
  ],
  controllers: [AdminUploadsController, StaticFilesController],
  providers: [
    { provide: LOCAL_FILE_OPTIONS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => localFileOptions(config) },
    LocalFileProvider,
    FileProviderRegistry,
    FileService,
  ],
  exports: [FileService],
})
export class FileModule {}
