import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { RUNTIME_OPTIONS, RuntimeOptions } from '../runtime/runtime';
import { APP_CONFIG, AppConfig } from './app-config';

/**
 * Makes the validated AppConfig (`@Inject(APP_CONFIG)`) and the runtime kind injectable, and mirrors its slices into
 * @nestjs/config's ConfigService (`config.get('http.port')`) for code that prefers that API.
 */
@Global()
@Module({})
export class SthenoConfigModule {
  static forRoot(config: AppConfig, runtime: RuntimeOptions): DynamicModule {
    const { env, isProduction, workerMode, http, database, redis, auth, logging, events } = config; // seed credentials stay out
    return {
      module: SthenoConfigModule,
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: true,
          load: [() => ({ env, isProduction, workerMode, http, database, redis, auth, logging, events })],
        }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: RUNTIME_OPTIONS, useValue: runtime },
      ],
      exports: [APP_CONFIG, RUNTIME_OPTIONS, ConfigModule],
    };
  }
}
