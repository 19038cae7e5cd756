import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { ApiErrors } from '../openapi/error-responses';
import { HealthService, ReadinessReport } from './health.service';

class DependencyCheckDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiPropertyOptional()
  latency_ms?: number;
}

class ReadinessReportDto {
  @ApiProperty({ enum: ['ok', 'error'] })
  status!: 'ok' | 'error';

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/DependencyCheckDto' },
    example: { database: { status: 'up', latency_ms: 1 }, redis: { status: 'up', latency_ms: 0 } },
  })
  checks!: Record<string, DependencyCheckDto>;

  @ApiPropertyOptional({ example: 'Not ready: redis unavailable' })
  message?: string;
}

@ApiTags('Health')
@ApiExtraModels(DependencyCheckDto)
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Liveness: the process answers HTTP' })
  @ApiOkResponse({ description: 'Alive', content: { 'text/plain': { schema: { type: 'string', example: 'OK' } } } })
  @ApiErrors()
  live(): string {
    return 'OK';
  }

  @Get('ready')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Readiness: the database (and Redis, when configured) answer' })
  @ApiOkResponse({ type: ReadinessReportDto, description: 'Every dependency answers' })
  @ApiServiceUnavailableResponse({ type: ReadinessReportDto, description: 'A dependency does not answer; `message` names it' })
  @ApiErrors()
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessReport> {
    const report = await this.health.readiness();
    if (report.status !== 'ok') response.status(503);
    return report;
  }
}

export { DependencyCheckDto, ReadinessReportDto };
