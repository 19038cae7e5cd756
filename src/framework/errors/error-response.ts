import { HttpException, HttpStatus } from '@nestjs/common';
import { isPostgresError, translatePostgresError } from './postgres-errors';
import {
  ERROR_HTTP_MAP,
  ErrorBody,
  ErrorCodes,
  ErrorType,
  ErrorTypes,
  GENERIC_DATABASE_MESSAGE,
  SthenoError,
  UNKNOWN_ERROR_MESSAGE,
} from './stheno-error';

export interface ErrorResponse {
  status: number;
  /** `{type, message, code?}`, or Medusa's bare `{message: "Unauthorized"}` for failed authentication. */
  body: ErrorBody | { message: string };
  /** 5xx responses carry the original error so that the request log line records it once. */
  internal?: unknown;
}

const STATUS_TO_TYPE: Record<number, ErrorType> = {
  400: ErrorTypes.INVALID_DATA,
  401: ErrorTypes.UNAUTHORIZED,
  403: ErrorTypes.FORBIDDEN,
  404: ErrorTypes.NOT_FOUND,
  405: ErrorTypes.NOT_ALLOWED,
  409: ErrorTypes.CONFLICT,
  413: ErrorTypes.PAYLOAD_TOO_LARGE,
  415: ErrorTypes.INVALID_DATA,
  422: ErrorTypes.INVALID_DATA,
  429: ErrorTypes.TOO_MANY_REQUESTS,
};

/** Errors raised by body-parser before any route runs (`type` is body-parser's own field). */
interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

function fromBodyParser(error: BodyParserError): SthenoError | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return SthenoError.invalidData('Invalid request: the body is not valid JSON');
    case 'entity.too.large':
      return new SthenoError(
        ErrorTypes.PAYLOAD_TOO_LARGE,
        `Request body is larger than the limit of ${error.limit ?? 'the server'} bytes`,
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return SthenoError.invalidData('Invalid request: unsupported body encoding');
    case 'request.aborted':
      return SthenoError.invalidData('Invalid request: the body was not received completely');
    default:
      return undefined;
  }
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

function fromSthenoError(error: SthenoError, internal: unknown): ErrorResponse {
  const mapping = ERROR_HTTP_MAP[error.type];
  const body: ErrorBody = {
    type: error.type,
    message: mapping.exposeMessage ? error.message : GENERIC_DATABASE_MESSAGE,
  };
  const code = error.code ?? mapping.defaultCode;
  if (code) body.code = code;
  return { status: mapping.status, body, internal: mapping.status >= 500 ? internal : undefined };
}

/**
 * Maps anything thrown during a request to the status and `{type, message, code?}` body the client
 * sees. Only SthenoErrors, translated PostgreSQL errors and framework HTTP errors keep their
 * message; anything else becomes a 500 `unknown_error` whose details stay in the log.
 */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof SthenoError) return fromSthenoError(error, error);
  if (isPostgresError(error)) return fromSthenoError(translatePostgresError(error), error);

  const bodyParserError = error && typeof error === 'object' ? fromBodyParser(error as BodyParserError) : undefined;
  if (bodyParserError) return fromSthenoError(bodyParserError, error);

  // other http-errors raised before routing (a corrupt compressed body…) that declare themselves
  // safe to show: keep their 4xx status and message
  const httpError = error as { expose?: unknown; status?: unknown; message?: unknown };
  if (
    httpError &&
    typeof httpError === 'object' &&
    httpError.expose === true &&
    typeof httpError.status === 'number' &&
    STATUS_TO_TYPE[httpError.status] &&
    httpError.status < 500
  ) {
    return {
      status: httpError.status,
      body: { type: STATUS_TO_TYPE[httpError.status], message: `Invalid request: ${String(httpError.message)}` },
    };
  }

  if (error instanceof HttpException) {
    const status = error.getStatus();
    // the guards' authentication failures: Medusa answers exactly {"message":"Unauthorized"}
    if (status === 401) return { status, body: { message: 'Unauthorized' } };
    const type = STATUS_TO_TYPE[status];
    if (type && status < 500) {
      return { status, body: { type, message: messageOf(error) } };
    }
  }

  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: { code: ErrorCodes.UNKNOWN_ERROR, type: ErrorCodes.UNKNOWN_ERROR, message: UNKNOWN_ERROR_MESSAGE },
    internal: error,
  };
}
