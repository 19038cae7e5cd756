// eslint-disable-next-line no-restricted-imports -- the one place that wraps Nest's Post
import { applyDecorators, HttpCode, HttpStatus, Post as NestPost } from '@nestjs/common';

/**
 * `POST` that answers 200, as Medusa's creates and actions do (Nest's default is 201). Lint forbids
 * Nest's own `Post` so that no route answers 201 by accident; a route that really means 201
 * (reset-password) puts `@HttpCode(201)` above `@Post` (decorators apply bottom-up: the upper one wins).
 */
export function Post(path?: string | string[]): MethodDecorator {
  return applyDecorators(NestPost(path), HttpCode(HttpStatus.OK));
}
