import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/**
 * `GET /metrics` and the HTTP timing middleware. Imported before the HTTP pipeline so that requests
 * the pipeline refuses (oversized bodies, bad JSON) are timed too.
 */
@Module({})
export class MetricsModule implements NestModule {
  constructor(private readonly metrics: MetricsService) {}

  static forRoot(): DynamicModule {
    return { module: MetricsModule, imports: [DiscoveryModule], controllers: [MetricsController], providers: [MetricsService] };
  }

  configure(consumer: MiddlewareConsumer): void {
    if (this.metrics.enabled) consumer.apply(this.metrics.httpTimer()).forRoutes({ path: '*splat', method: RequestMethod.ALL });
  }
}
