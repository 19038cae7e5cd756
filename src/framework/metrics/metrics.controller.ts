import { Controller, Get, Header, Headers, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { SthenoError } from '../errors/stheno-error';
import { ApiErrors } from '../openapi/error-responses';
import { SECURITY } from '../openapi/openapi';
import { MetricsService } from './metrics.service';

/**
 * Prometheus scrape endpoint. Not a user route: it answers to the METRICS_TOKEN bearer token only,
 * and does not exist (404) while no token is configured.
 */
@ApiTags('Health')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Prometheus metrics (HTTP durations, queues, outbox lag, database pool, process)',
    description: 'Needs `Authorization: Bearer <METRICS_TOKEN>`; answers 404 while METRICS_TOKEN is unset.',
  })
  @ApiSecurity(SECURITY.metricsToken)
  @ApiOkResponse({
    description: 'Prometheus text exposition format 0.0.4',
    content: { 'text/plain': { schema: { type: 'string', example: 'stheno_outbox_pending_events 0' } } },
  })
  @ApiErrors(401, 404)
  async scrape(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) response: Response): Promise<string> {
    if (!this.metrics.enabled) throw SthenoError.notFound('Metrics are off: set METRICS_TOKEN to serve /metrics');
    if (!this.metrics.authorizes(authorization)) {
      throw new SthenoError('unauthorized', 'A valid metrics token is required: Authorization: Bearer <METRICS_TOKEN>');
    }
    const { contentType, body } = await this.metrics.scrape();
    response.setHeader('Content-Type', contentType);
    return body;
  }
}
