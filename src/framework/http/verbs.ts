// eslint-disable-next-line no-restricted-imports -- the one place that wraps Nest's Post
import { applyDecorators, HttpCode, HttpStatus, Post as NestPost } from '@nestjs/common';

/**
 * `POST` that answers 200, as Medusa's creates and actions do (Nest's default is 201). Lint forbids
 * Nest's own `Post` so that no route answers 201 by accident; a route that really means 201
 * (reset-password) adds `@HttpCode(201)` after this decorator.
 */
export function Post(path?: string | string[]): MethodDecorator {
  return applyDecorators(NestPost(path), HttpCode(HttpStatus.OK));
}
