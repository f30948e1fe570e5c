import { z } from 'zod';
import { API_PREFIX, API_ROUTES, errorBodySchema } from './api.js';

/** JSON Schema of a contract schema as a request would send it (input) or a response carries it (output). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): unknown {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });
}

/**
 * The OpenAPI 3 document of the licensing service, made from the zod contract (api.ts) that the
 * service validates with and the client checks answers with: the three cannot drift apart.
 */
export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const error = { description: 'Refused', content: { 'application/json': { schema: jsonSchema(errorBodySchema, 'output') } } };
  for (const route of API_ROUTES) {
    const operation: Record<string, unknown> = {
      summary: route.summary,
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } },
        '4XX': error,
      },
    };
    if (route.request) operation.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(route.request, 'input') } } };
    const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (params.length > 0) operation.parameters = params;
    if (route.operator) operation.security = [{ serviceToken: [] }];
    (paths[`${API_PREFIX}${route.path}`] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.0.3',
    info: { title: 'pbxmod licensing service', version },
    paths,
    components: { securitySchemes: { serviceToken: { type: 'http', scheme: 'bearer', description: 'The service token (operator-token in the data dir, or given to `pbxmod serve`)' } } },
  };
}
