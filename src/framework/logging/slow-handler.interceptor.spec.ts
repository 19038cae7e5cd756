import { CallHandler, ExecutionContext } from '@nestjs/common';
import { lastValueFrom, of, throwError, timer, map, mergeMap } from 'rxjs';
import { loadConfig } from '../config/load-config';
import { SlowHandlerInterceptor } from './slow-handler.interceptor';

function contextFor(method: string, routePath: string): ExecutionContext {
  const request = { method, route: { path: routePath }, path: '/admin/products/prod_1' };
  return { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
}

describe('SlowHandlerInterceptor', () => {
  const interceptor = new SlowHandlerInterceptor(loadConfig({ NODE_ENV: 'test', LOG_SLOW_HANDLER_MS: '30' }));
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn((interceptor as unknown as { logger: { warn: () => void } }).logger, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  const slow = (ms: number): CallHandler => ({ handle: () => timer(ms).pipe(map(() => 'done')) });

  it('logs a handler slower than the threshold with its route pattern and duration', async () => {
    await lastValueFrom(interceptor.intercept(contextFor('GET', '/admin/products/:id'), slow(60)));
    expect(warn).toHaveBeenCalledTimes(1);
    const [fields, message] = warn.mock.calls[0] as [{ route: string; durationMs: number }, string];
    expect(fields.route).toBe('GET /admin/products/:id');
    expect(fields.durationMs).toBeGreaterThanOrEqual(30);
    expect(message).toMatch(/^Slow handler GET \/admin\/products\/:id took \d+ ms$/);
  });

  it('stays quiet for a fast handler', async () => {
    await lastValueFrom(interceptor.intercept(contextFor('GET', '/health'), { handle: () => of('OK') }));
    expect(warn).not.toHaveBeenCalled();
  });

  it('logs a slow handler that fails too', async () => {
    const failing: CallHandler = { handle: () => timer(60).pipe(mergeMap(() => throwError(() => new Error('boom')))) };
    await expect(lastValueFrom(interceptor.intercept(contextFor('POST', '/store/carts'), failing))).rejects.toThrow('boom');
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
