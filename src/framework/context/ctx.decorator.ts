import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { RequestContext } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request } from 'express';
import { SthenoError } from '../errors/stheno-error';
import { Actor, Context } from './context';

export interface SthenoRequest extends Request {
  actor?: Actor;
}

/** Builds the request's Context: its request id, its actor, and its request-scoped EntityManager. */
export function contextFromRequest(request: SthenoRequest): Context {
  const em = RequestContext.getEntityManager() as EntityManager | undefined;
  if (!em) throw SthenoError.unexpectedState('No database context is bound to this request');
  return { em, requestId: typeof request.id === 'string' ? request.id : undefined, actor: request.actor };
}

/** Controller parameter: `handler(@Ctx() ctx: Context)`. */
export const Ctx = createParamDecorator((_data: unknown, execution: ExecutionContext): Context =>
  contextFromRequest(execution.switchToHttp().getRequest<SthenoRequest>()),
);
