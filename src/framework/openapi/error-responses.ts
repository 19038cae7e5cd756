import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

/** The body of every error response (ARCHITECTURE §7). */
export class ErrorResponseDto {
  @ApiProperty({ example: 'invalid_data', description: 'One of the closed set of error types' })
  type!: string;

  @ApiProperty({ example: "Invalid request: Unrecognized fields: 'foo'" })
  message!: string;

  @ApiPropertyOptional({ example: 'invalid_request_error', description: 'Machine-readable detail code' })
  code?: string;
}

/** The body of authentication failures: `{"message":"Unauthorized"}`, as Medusa sends it. */
export class UnauthorizedResponseDto {
  @ApiProperty({ example: 'Unauthorized' })
  message!: string;

  @ApiPropertyOptional({ example: 'unauthorized' })
  type?: string;
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: malformed body or query, unknown fields, or a rule the request breaks (invalid_data, not_allowed)',
  401: 'Missing or invalid credentials',
  403: 'The credentials do not allow this action',
  404: 'The resource does not exist (not_found)',
  409: 'The request conflicts with the current state (conflict)',
  413: 'The request body is larger than the limit (payload_too_large)',
  422: 'Duplicate or unprocessable data (duplicate_error, payment_authorization_error)',
  429: 'Too many requests (too_many_requests)',
  500: 'Unexpected server error',
};

/** Documents error responses on a route: `@ApiErrors(400, 404)`. 500 is always documented. */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  const all = [...new Set([...statuses, 500])];
  return applyDecorators(
    ...all.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        type: status === 401 ? UnauthorizedResponseDto : ErrorResponseDto,
      }),
    ),
  );
}
