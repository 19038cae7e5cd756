import type { ErrorBody } from './stheno-error';
import { BadRequestException, HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import { toErrorResponse } from './error-response';
import { ErrorType, GENERIC_DATABASE_MESSAGE, SthenoError } from './stheno-error';

describe('toErrorResponse', () => {
  describe('SthenoError types', () => {
    it.each<[ErrorType, number, string | undefined]>([
      ['not_found', 404, undefined],
      ['invalid_data', 400, undefined],
      ['not_allowed', 400, undefined],
      ['unauthorized', 401, undefined],
      ['forbidden', 403, undefined],
      ['duplicate_error', 422, 'invalid_request_error'],
      ['payment_authorization_error', 422, undefined],
      ['conflict', 409, 'invalid_state_error'],
      ['payload_too_large', 413, undefined],
      ['too_many_requests', 429, undefined],
      ['unexpected_state', 500, undefined],
      ['invalid_argument', 500, undefined],
    ])('maps %s to %i and keeps the message', (type, status, code) => {
      const error = new SthenoError(type, `the ${type} message`);
      const response = toErrorResponse(error);
      expect(response.status).toBe(status);
      expect(response.body).toEqual(
        code ? { type, message: `the ${type} message`, code } : { type, message: `the ${type} message` },
      );
    });

    it('maps database_error to 500 api_error and hides the message', () => {
      const error = new SthenoError('database_error', 'relation "secret_table" does not exist');
      const response = toErrorResponse(error);
      expect(response.status).toBe(500);
      expect(response.body).toEqual({ type: 'database_error', code: 'api_error', message: GENERIC_DATABASE_MESSAGE });
    });

    it('lets an explicit code on the error win over the default code', () => {
      const response = toErrorResponse(new SthenoError('conflict', 'cart changed', { code: 'cart_incompatible_state' }));
      expect(response.status).toBe(409);
      expect((response.body as ErrorBody).code).toBe('cart_incompatible_state');
    });

    it('adds an explicit code to a type that has no default code', () => {
      const response = toErrorResponse(SthenoError.notAllowed('not enough stock', 'insufficient_inventory'));
      expect(response.body).toEqual({ type: 'not_allowed', message: 'not enough stock', code: 'insufficient_inventory' });
    });
  });

  describe('internal error attachment', () => {
    it('carries no internal error on a 4xx response', () => {
      expect(toErrorResponse(SthenoError.notFound('missing')).internal).toBeUndefined();
      expect(toErrorResponse(new BadRequestException('bad')).internal).toBeUndefined();
    });

    it('carries the original error on a 5xx response', () => {
      const error = SthenoError.unexpectedState('cart has no region');
      expect(toErrorResponse(error).internal).toBe(error);
    });
  });

  describe('unknown errors', () => {
    it('turns a plain Error into an opaque 500 unknown_error carrying the original', () => {
      const error = new Error('Cannot read properties of undefined (reading "id")');
      const response = toErrorResponse(error);
      expect(response).toEqual({
        status: 500,
        body: { type: 'unknown_error', code: 'unknown_error', message: 'An unknown error occurred.' },
        internal: error,
      });
    });

    it.each([['a string', 'boom'], ['undefined', undefined], ['null', null]])(
      'turns a thrown %s into a 500 unknown_error',
      (_name, thrown) => {
        const response = toErrorResponse(thrown);
        expect(response.status).toBe(500);
        expect((response.body as ErrorBody).type).toBe('unknown_error');
      },
    );
  });

  describe('body-parser errors', () => {
    it('maps malformed JSON to 400 invalid_data', () => {
      const response = toErrorResponse({ type: 'entity.parse.failed', status: 400 });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        type: 'invalid_data',
        message: 'Invalid request: the body is not valid JSON',
      });
      expect(response.internal).toBeUndefined();
    });

    it('maps an oversized body to 413 payload_too_large naming the limit', () => {
      const response = toErrorResponse({ type: 'entity.too.large', status: 413, limit: 1024 });
      expect(response.status).toBe(413);
      expect((response.body as ErrorBody).type).toBe('payload_too_large');
      expect(response.body.message).toContain('1024');
    });

    it('maps an unsupported charset to 400 invalid_data', () => {
      const response = toErrorResponse({ type: 'charset.unsupported', status: 415 });
      expect(response.status).toBe(400);
      expect((response.body as ErrorBody).type).toBe('invalid_data');
    });
  });

  describe('Nest HttpExceptions', () => {
    it('maps BadRequestException to 400 invalid_data with its message', () => {
      const response = toErrorResponse(new BadRequestException('Missing header'));
      expect(response).toEqual({ status: 400, body: { type: 'invalid_data', message: 'Missing header' } });
    });

    it('joins an array of messages', () => {
      const response = toErrorResponse(new BadRequestException(['a is required', 'b is required']));
      expect(response.body.message).toBe('a is required; b is required');
    });

    it('maps NotFoundException to 404 not_found', () => {
      const response = toErrorResponse(new NotFoundException('No such thing'));
      expect(response).toEqual({ status: 404, body: { type: 'not_found', message: 'No such thing' } });
    });

    it('maps a 429 HttpException to too_many_requests', () => {
      const response = toErrorResponse(new HttpException('Slow down', HttpStatus.TOO_MANY_REQUESTS));
      expect(response).toEqual({ status: 429, body: { type: 'too_many_requests', message: 'Slow down' } });
    });

    it('treats a 5xx HttpException as an unknown error', () => {
      const exception = new HttpException('upstream broke', HttpStatus.BAD_GATEWAY);
      const response = toErrorResponse(exception);
      expect(response.status).toBe(500);
      expect((response.body as ErrorBody).type).toBe('unknown_error');
      expect(response.internal).toBe(exception);
    });

    it('treats a 4xx status outside the table as an unknown error', () => {
      const response = toErrorResponse(new HttpException('teapot', 418));
      expect(response.status).toBe(500);
      expect(response.body.message).toBe('An unknown error occurred.');
    });
  });

  describe('PostgreSQL errors', () => {
    it('maps a raw unique violation to 422 duplicate_error without an internal error', () => {
      const raw = Object.assign(new Error('duplicate key value violates unique constraint'), {
        code: '23505',
        severity: 'ERROR',
        table: 'product',
        detail: 'Key (handle)=(shirt) already exists.',
      });
      const response = toErrorResponse(raw);
      expect(response).toEqual({
        status: 422,
        body: {
          type: 'duplicate_error',
          code: 'invalid_request_error',
          message: 'Product with handle: shirt, already exists.',
        },
        internal: undefined,
      });
    });

    it('maps an unknown SQLSTATE to a generic 500 carrying the raw error', () => {
      const raw = Object.assign(new Error('column "x" does not exist'), { code: '42703', severity: 'ERROR' });
      const response = toErrorResponse(raw);
      expect(response.status).toBe(500);
      expect(response.body).toEqual({ type: 'database_error', code: 'api_error', message: GENERIC_DATABASE_MESSAGE });
      expect(response.internal).toBe(raw);
    });
  });
});
