import { ArgumentsHost, Catch, ExceptionFilter, NotFoundException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { toErrorResponse } from './error-response';
import { SthenoError } from './stheno-error';

/** Sends the error response; 5xx errors are attached to `res.err` so pino-http logs them once. */
export function sendError(error: unknown, response: Response): void {
  const { status, body, internal } = toErrorResponse(error);
  if (internal !== undefined) (response as unknown as { err?: unknown }).err = internal;
  if (response.headersSent) {
    response.end();
    return;
  }
  response.status(status).json(body);
}

/** What a request to a route that does not exist is answered (also by routes whose feature flag is off). */
export function unknownRouteError(request: Pick<Request, 'method' | 'path'>): SthenoError {
  return SthenoError.notFound(`Route ${request.method} ${request.path} does not exist`);
}

/** The only place where errors become HTTP responses (ARCHITECTURE §7). */
@Catch()
export class SthenoExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    let error = exception;
    // Nest answers unmatched routes with a NotFoundException whose message is 'Cannot GET /x'.
    if (exception instanceof NotFoundException && /^Cannot [A-Z]+ /.test(exception.message)) {
      error = unknownRouteError(request);
    }
    sendError(error, http.getResponse<Response>());
  }
}

/** Express error middleware for failures before Nest's router (body parsing, CORS). */
export function expressErrorHandler(error: unknown, _req: Request, res: Response, _next: NextFunction): void {
  sendError(error, res);
}
