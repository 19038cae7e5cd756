/**
 * The one error type of Stheno. Every failure a client may see is a SthenoError with a kind from
 * this closed set; the HTTP status and the wire `code` are derived from the kind in one place
 * (ERROR_HTTP_MAP) so that no service ever builds an HTTP error by hand.
 */
export const ErrorTypes = {
  NOT_FOUND: 'not_found',
  INVALID_DATA: 'invalid_data',
  NOT_ALLOWED: 'not_allowed',
  UNAUTHORIZED: 'unauthorized',
  FORBIDDEN: 'forbidden',
  DUPLICATE_ERROR: 'duplicate_error',
  PAYMENT_AUTHORIZATION_ERROR: 'payment_authorization_error',
  CONFLICT: 'conflict',
  UNEXPECTED_STATE: 'unexpected_state',
  INVALID_ARGUMENT: 'invalid_argument',
  DATABASE_ERROR: 'database_error',
  PAYLOAD_TOO_LARGE: 'payload_too_large',
  TOO_MANY_REQUESTS: 'too_many_requests',
} as const;

export type ErrorType = (typeof ErrorTypes)[keyof typeof ErrorTypes];

/** Machine-readable codes Medusa clients branch on. */
export const ErrorCodes = {
  INSUFFICIENT_INVENTORY: 'insufficient_inventory',
  CART_INCOMPATIBLE_STATE: 'cart_incompatible_state',
  INVALID_STATE_ERROR: 'invalid_state_error',
  INVALID_REQUEST_ERROR: 'invalid_request_error',
  API_ERROR: 'api_error',
  UNKNOWN_ERROR: 'unknown_error',
} as const;

export interface ErrorHttpMapping {
  status: number;
  /** Code added to the body when the error itself carries none. */
  defaultCode?: string;
  /** When false, the message is replaced by a generic one (internal details never leak). */
  exposeMessage: boolean;
}

export const ERROR_HTTP_MAP: Record<ErrorType, ErrorHttpMapping> = {
  not_found: { status: 404, exposeMessage: true },
  invalid_data: { status: 400, exposeMessage: true },
  not_allowed: { status: 400, exposeMessage: true },
  unauthorized: { status: 401, exposeMessage: true },
  forbidden: { status: 403, exposeMessage: true },
  duplicate_error: { status: 422, defaultCode: ErrorCodes.INVALID_REQUEST_ERROR, exposeMessage: true },
  payment_authorization_error: { status: 422, exposeMessage: true },
  conflict: { status: 409, defaultCode: ErrorCodes.INVALID_STATE_ERROR, exposeMessage: true },
  payload_too_large: { status: 413, exposeMessage: true },
  too_many_requests: { status: 429, exposeMessage: true },
  unexpected_state: { status: 500, exposeMessage: true },
  invalid_argument: { status: 500, exposeMessage: true },
  database_error: { status: 500, defaultCode: ErrorCodes.API_ERROR, exposeMessage: false },
};

export const GENERIC_DATABASE_MESSAGE = 'An unexpected database error occurred.';
export const UNKNOWN_ERROR_MESSAGE = 'An unknown error occurred.';
export const CONFLICT_RETRY_MESSAGE =
  'The request conflicted with another request. You may retry the request with the provided Idempotency-Key.';

export class SthenoError extends Error {
  readonly type: ErrorType;
  readonly code?: string;

  constructor(type: ErrorType, message: string, options: { code?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SthenoError';
    this.type = type;
    this.code = options.code;
  }

  static notFound(message: string): SthenoError {
    return new SthenoError(ErrorTypes.NOT_FOUND, message);
  }

  static invalidData(message: string): SthenoError {
    return new SthenoError(ErrorTypes.INVALID_DATA, message);
  }

  static notAllowed(message: string, code?: string): SthenoError {
    return new SthenoError(ErrorTypes.NOT_ALLOWED, message, { code });
  }

  static conflict(message: string = CONFLICT_RETRY_MESSAGE): SthenoError {
    return new SthenoError(ErrorTypes.CONFLICT, message);
  }

  static unexpectedState(message: string): SthenoError {
    return new SthenoError(ErrorTypes.UNEXPECTED_STATE, message);
  }

  static isSthenoError(value: unknown): value is SthenoError {
    return value instanceof SthenoError;
  }
}

/** The JSON body every error response carries. */
export interface ErrorBody {
  type: string;
  message: string;
  code?: string;
}
