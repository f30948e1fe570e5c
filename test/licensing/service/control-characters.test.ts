import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { API_PREFIX } from '../../../src/licensing/api.js';
import { assertErrorBody, pbxHost, registerCompany, startTestService, type TestService } from './harness.js';

/**
 * Any PBX with the key can report its binding fields; every console that lists the key's
 * sessions draws them. The service refuses control characters in what a PBX sends.
 */
describe('request bodies with control characters', () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => t.stop());

  test('a binding whose host holds an escape sequence is refused with 400, naming the field; nothing is bound', async () => {
    const key = await registerCompany(t);
    const host = { ...pbxHost('pbx-esc'), host: 'pbx\u001b]0;PWNED\u0007' };
    const response = await t.call('POST', `${API_PREFIX}/features/capture`, { key, featureId: 33, host });
    assertErrorBody(response, 400, 'bad_request');
    assert.match(response.body.error.message, /"host\.host" has a control character \("pbx\\x1b\]0;PWNED\\x07"\)/);
    const info = await t.client.licenseInfo(key);
    assert.equal(info.products[0]?.features.find((f) => f.featureId === 33)?.captured ?? 0, 0);
  });

  test('a registration whose company holds DEL characters is refused, and a clean one still works', async () => {
    const body = { company: 'Acme Ltd\u007f\u007f', email: 'a@acme.example', contact: 'Ann Lee', hostId: 'reg-host-del' };
    const refused = await t.call('POST', `${API_PREFIX}/register`, body);
    assertErrorBody(refused, 400, 'bad_request');
    assert.match(refused.body.error.message, /"company" has a control character \("Acme Ltd\\x7f\\x7f"\)/);
    const accepted = await t.call('POST', `${API_PREFIX}/register`, { ...body, company: 'Acme Ltd' });
    assert.ok(accepted.status === 200 || accepted.status === 201, JSON.stringify(accepted.body));
    assert.equal(accepted.body.license.owner.company, 'Acme Ltd');
  });
});
