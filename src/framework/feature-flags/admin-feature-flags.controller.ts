import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/error-responses';
import { ApiAdminAuth } from '../openapi/security';
import { FeatureFlags } from './feature-flags.service';

export class FeatureFlagsResponseDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'boolean' },
    example: { jobs_ui: true },
    description: 'Every declared flag (the app\'s and the loaded plugins\'), by key, with its resolved value',
  })
  feature_flags!: Record<string, boolean>;
}

/** Medusa's `GET /admin/feature-flags` (2.10+): the dashboard reads it to show or hide flagged features. */
@ApiTags('Admin Feature Flags')
@Controller('admin/feature-flags')
export class AdminFeatureFlagsController {
  constructor(private readonly flags: FeatureFlags) {}

  @Get()
  @ApiAdminAuth()
  @ApiOperation({ summary: 'List the feature flags and whether each is on' })
  @ApiOkResponse({ type: FeatureFlagsResponseDto })
  @ApiErrors(401)
  list(): FeatureFlagsResponseDto {
    return { feature_flags: this.flags.all() };
  }
}
