import { applyDecorators, createParamDecorator, ExecutionContext, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiQuery, getSchemaPath } from '@nestjs/swagger';
import type { Request } from 'express';
import { ListQuery, ListQuerySpec, parseListQuery, parseRetrieveQuery, RetrieveQuery, RetrieveQuerySpec } from './list-query';

/** Handler parameter: the request's list query parsed against the route's spec (400 on bad input). */
export const ListParams = createParamDecorator((spec: ListQuerySpec, execution: ExecutionContext): ListQuery =>
  parseListQuery(execution.switchToHttp().getRequest<Request>().query as Record<string, unknown>, spec),
);

/** Handler parameter: `fields` (and allowed extras) of a retrieve route. */
export const RetrieveParams = createParamDecorator((spec: RetrieveQuerySpec, execution: ExecutionContext): RetrieveQuery =>
  parseRetrieveQuery(execution.switchToHttp().getRequest<Request>().query as Record<string, unknown>, spec),
);

const OPERATOR_NOTE = 'Operators in qs form: `field[$gte]=…`; arrays as `field[]=a&field[]=b` or `field=a&field=b`.';

function fieldsQuery(spec: { defaults: readonly string[]; allowed: readonly string[] }): MethodDecorator {
  return ApiQuery({
    name: 'fields',
    required: false,
    type: String,
    description:
      'Comma-separated fields. Entries starting with `+`, `-`, `*` (or ending `.*`) modify the defaults ' +
      `(${spec.defaults.join(', ')}); otherwise they replace them. Allowed: ${spec.allowed.join(', ')}.`,
  });
}

/** Documents a list route's query parameters from the same spec that parses them. */
export function ApiListQuery(spec: ListQuerySpec): MethodDecorator {
  const decorators: MethodDecorator[] = [
    ApiQuery({ name: 'limit', required: false, type: Number, description: `Page size (default ${spec.defaultLimit}, at most ${spec.maxLimit})` }),
    ApiQuery({ name: 'offset', required: false, type: Number, description: 'Items to skip (default 0)' }),
    ApiQuery({
      name: 'order',
      required: false,
      type: String,
      description: `Sort field, \`-field\` for descending. Allowed: ${spec.order.allowed.join(', ')}`,
    }),
    fieldsQuery(spec),
  ];
  if (spec.q) decorators.push(ApiQuery({ name: 'q', required: false, type: String, description: 'Free-text search' }));
  for (const [name, filter] of Object.entries(spec.filters)) {
    decorators.push(
      ApiQuery({
        name,
        required: false,
        schema: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'object' }] },
        style: 'deepObject',
        explode: true,
        description: `Filter on ${name} (${filter.type}). ${OPERATOR_NOTE}`,
      }),
    );
  }
  return applyDecorators(...decorators);
}

export function ApiRetrieveQuery(spec: RetrieveQuerySpec): MethodDecorator {
  return applyDecorators(fieldsQuery(spec));
}

/** `200 {<key>: [Model], count, offset, limit}`. */
export function ApiListResponse(key: string, model: Type<unknown>): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      schema: {
        type: 'object',
        required: [key, 'count', 'offset', 'limit'],
        properties: {
          [key]: { type: 'array', items: { $ref: getSchemaPath(model) } },
          count: { type: 'integer', minimum: 0 },
          offset: { type: 'integer', minimum: 0 },
          limit: { type: 'integer', minimum: 0 },
        },
      },
    }),
  );
}

/** `200 {<key>: Model}`. */
export function ApiSingleResponse(key: string, model: Type<unknown>, description?: string): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      description,
      schema: { type: 'object', required: [key], properties: { [key]: { $ref: getSchemaPath(model) } } },
    }),
  );
}

/** `200 {id, object, deleted: true}`. */
export function ApiDeleteResponse(object: string): MethodDecorator {
  return ApiOkResponse({
    schema: {
      type: 'object',
      required: ['id', 'object', 'deleted'],
      properties: {
        id: { type: 'string' },
        object: { type: 'string', example: object },
        deleted: { type: 'boolean', enum: [true] },
        parent: { type: 'object' },
      },
    },
  });
}

/**
 * A nullable object property: OpenAPI 3.0 ignores `nullable` next to a `$ref`, so null is its own
 * alternative. The class also needs `@ApiExtraModels(model)` (or another reference) to be in the document.
 */
export function nullableModel(model: Type<unknown>) {
  return { oneOf: [{ $ref: getSchemaPath(model) }, { type: 'object' as const, nullable: true, enum: [null] }] };
}
