import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { AppConfig } from './framework/config/app-config';
import { SthenoConfigModule } from './framework/config/config.module';
import { DatabaseModule } from './framework/database/database.module';
import { SthenoExceptionFilter } from './framework/errors/http-exception.filter';
import { EventsModule } from './framework/events/events.module';
import { HealthModule } from './framework/health/health.module';
import { HttpPipelineModule } from './framework/http/http-pipeline.module';
import { createValidationPipe } from './framework/http/validation';
import { LoggingModule } from './framework/logging/logging.module';
import { SlowHandlerInterceptor } from './framework/logging/slow-handler.interceptor';
import { RedisModule } from './framework/redis/redis.module';
import { RuntimeOptions } from './framework/runtime/runtime';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  runtime: RuntimeOptions;
  /** Extra modules (tests, plugins). */
  imports?: ModuleMetadata['imports'];
}

/** Framework modules first (logging before the HTTP pipeline, so every request is logged), then one module per domain. */
@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, runtime, imports = [] }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        SthenoConfigModule.forRoot(config, runtime),
        LoggingModule.forRoot(config),
        HttpPipelineModule.forRoot(),
        DatabaseModule.forRoot(config, databaseUrl),
        RedisModule.forRoot(),
        EventsModule.forRoot(config),
        HealthModule,
        ...imports,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: SthenoExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: SlowHandlerInterceptor },
      ],
    };
  }
}
