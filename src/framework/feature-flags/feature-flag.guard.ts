import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { unknownRouteError } from '../errors/http-exception.filter';
import { FEATURE_FLAG_METADATA } from './feature-flagged.decorator';
import { FeatureFlags } from './feature-flags.service';

/**
 * Global guard, registered before the route-access guard: a route whose flag is off answers what an
 * unknown route answers (404 `Route GET /x does not exist`), whoever asks, so that neither an
 * anonymous 401 nor a different message tells a client that the route exists.
 */
@Injectable()
export class FeatureFlagGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly flags: FeatureFlags,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const key = this.reflector.getAllAndOverride<string | undefined>(FEATURE_FLAG_METADATA, [context.getHandler(), context.getClass()]);
    if (key === undefined || this.flags.isEnabled(key)) return true;
    if (context.getType() !== 'http') return false;
    throw unknownRouteError(context.switchToHttp().getRequest<Request>());
  }
}
