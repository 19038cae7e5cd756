import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIObject } from '@nestjs/swagger';

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

interface CompiledPath {
  template: string;
  pattern: RegExp;
  operations: Record<string, Operation>;
}

const DOCUMENT_ID = 'openapi.json';

/** `#/components/…` inside a response schema, rewritten to point into the registered document. */
function rebaseRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebaseRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        key === '$ref' && typeof inner === 'string' && inner.startsWith('#/') ? `${DOCUMENT_ID}${inner}` : rebaseRefs(inner),
      ]),
    );
  }
  return value;
}

/**
 * Checks an HTTP response against the OpenAPI document the app publishes: the route and status
 * must be documented, and a JSON body must match the documented schema. e2e tests run every
 * response through it, so the published document cannot drift from what the API really sends.
 */
export class OpenApiValidator {
  private readonly ajv: Ajv;
  private readonly paths: CompiledPath[];
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(document: OpenAPIObject) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: DOCUMENT_ID, components: document.components ?? {} });
    this.paths = Object.entries(document.paths ?? {})
      .map(([template, operations]) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
        operations: operations as Record<string, Operation>,
      }))
      // literal segments beat parameters: `/store/products/search` before `/store/products/{id}`
      .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  }

  /** Throws a readable error when the response does not match the document. */
  check(method: string, url: string, status: number, contentType: string | undefined, body: unknown, text: string): void {
    const path = url.split('?')[0];
    const entry = this.paths.find((p) => p.pattern.test(path) && p.operations[method.toLowerCase()]);
    if (!entry) throw new Error(`OpenAPI: ${method} ${path} is not documented`);
    const operation = entry.operations[method.toLowerCase()];
    const response = operation.responses?.[String(status)] ?? operation.responses?.default;
    if (!response) {
      throw new Error(`OpenAPI: status ${status} of ${method} ${entry.template} is not documented (body: ${text.slice(0, 300)})`);
    }
    if (!response.content) return;
    const mediaType = (contentType ?? '').split(';')[0].trim();
    const content = response.content[mediaType];
    if (!content) {
      throw new Error(`OpenAPI: ${method} ${entry.template} ${status} documents ${Object.keys(response.content).join(', ')}, got '${mediaType}'`);
    }
    if (!content.schema) return;
    const key = `${method} ${entry.template} ${status} ${mediaType}`;
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile(rebaseRefs(content.schema) as object);
      this.cache.set(key, validate);
    }
    const value = mediaType === 'application/json' ? body : text;
    if (!validate(value)) {
      throw new Error(
        `OpenAPI: ${method} ${url} ${status} does not match its schema: ${this.ajv.errorsText(validate.errors)}\n` +
          `body: ${text.slice(0, 500)}`,
      );
    }
  }
}
