import { test } from 'node:test';
import assert from 'node:assert/strict';
import { API_ROUTES } from '../../../src/licensing/api.js';
import { startTestService } from './harness.js';

test('the service serves an OpenAPI document of its versioned API, made from the zod contract', async () => {
  const t = await startTestService();
  try {
    const response = await t.call('GET', '/api/v1/openapi.json');
    assert.equal(response.status, 200);
    const doc = response.body;
    assert.match(doc.openapi, /^3\./);
    for (const route of API_ROUTES) {
      const operation = doc.paths[`/api/v1${route.path}`]?.[route.method.toLowerCase()];
      assert.ok(operation, `${route.method} ${route.path} is documented`);
      assert.equal(Boolean(operation.security), Boolean(route.operator), `${route.path}: the operator routes, and only they, need the token`);
    }
    const capture = doc.paths['/api/v1/features/capture'].post.requestBody.content['application/json'].schema;
    assert.deepEqual([...capture.required].sort(), ['featureId', 'host', 'key']);
    assert.deepEqual(Object.keys(capture.properties.host.properties).sort(), ['db', 'host', 'hostId', 'net', 'proc', 'user']);
    const register = doc.paths['/api/v1/register'].post.responses['200'].content['application/json'].schema;
    assert.equal(register.anyOf.length, 2, 'a key, or word that it went to the email');
    // Every route the document names answers (not the 404 of an unknown route).
    for (const route of API_ROUTES.filter((r) => !r.path.includes('{'))) {
      const answer = await t.call(route.method, `/api/v1${route.path}`, route.method === 'POST' ? {} : undefined);
      assert.notEqual(answer.body?.error?.code, 'not_found', `${route.method} ${route.path}`);
    }
  } finally {
    await t.stop();
  }
});
