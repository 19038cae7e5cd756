import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { RequestContext } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request } from 'express';
import { SthenoError } from '../errors/stheno-error';
import { Context } from './context';

/** Builds the request's Context: its request id, its actor (from the guard), and its request-scoped EntityManager. */
export function contextFromRequest(request: Request): Context {
  const em = RequestContext.getEntityManager() as EntityManager | undefined;
  if (!em) throw SthenoError.unexpectedState('No database context is bound to this request');
  const requestId = (request as Request & { id?: unknown }).id;
  return {
    em,
    requestId: typeof requestId === 'string' ? requestId : undefined,
    actor: request.auth && request.auth.actor_id ? { type: request.auth.actor_type, id: request.auth.actor_id } : undefined,
  };
}

/** Controller parameter: `handler(@Ctx() ctx: Context)`. */
export const Ctx = createParamDecorator((_data: unknown, execution: ExecutionContext): Context =>
  contextFromRequest(execution.switchToHttp().getRequest<Request>()),
);
