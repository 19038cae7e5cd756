import SwaggerParser from '@apidevtools/swagger-parser';
import { createWidgetsApp } from '../../fixtures/widgets';
import { TestApp } from '../../utils/create-test-app';

describe('OpenAPI document and Swagger UI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createWidgetsApp();
  });
  afterAll(() => t.close());

  it('serves Swagger UI at /docs', async () => {
    const res = await t.raw().get('/docs').redirects(1).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toMatch(/swagger-ui/i);
  });

  it('serves a valid OpenAPI 3 document at /openapi.json', async () => {
    const res = await t.raw().get('/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(res.body))).resolves.toBeDefined();
  });

  it('declares the four security schemes', async () => {
    const { body } = await t.raw().get('/openapi.json').expect(200);
    const schemes = body.components.securitySchemes;
    expect(schemes.jwt_token).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(schemes.cookie_auth).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'connect.sid' });
    expect(schemes.api_token).toMatchObject({ type: 'http', scheme: 'basic' });
    expect(schemes.publishable_api_key).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-publishable-api-key' });
  });

  it('documents an error response and the error body on every operation', async () => {
    const { body } = await t.raw().get('/openapi.json').expect(200);
    const operations = Object.entries(body.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>).flatMap(
      ([path, methods]) => Object.entries(methods).map(([method, op]) => ({ name: `${method} ${path}`, op })),
    );
    expect(operations.length).toBeGreaterThan(3);
    for (const { name, op } of operations) {
      expect([name, Object.keys(op.responses).includes('500')]).toEqual([name, true]);
    }
    expect(body.components.schemas.ErrorResponseDto.required).toEqual(['type', 'message']);
  });

  it('documents list query parameters from the route spec', async () => {
    const { body } = await t.raw().get('/openapi.json').expect(200);
    const names = body.paths['/test/widgets'].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['limit', 'offset', 'order', 'fields', 'q', 'handle', 'created_at']));
  });
});
