import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeLicense } from '../../src/commands/license.js';
import { serviceClock } from '../../src/licensing/service-time.js';
import { DAY, MINUTE, pbxHost, registerCompany, startTestService } from './service/harness.js';

describe("expiry and lapse are judged by the service's clock, not the PBX's", () => {
  test('serviceClock moves the answer time on by the time elapsed here; without one it is the local clock', () => {
    const received = new Date('2030-01-01T00:00:00Z');
    const later = new Date(received.getTime() + 5 * MINUTE);
    assert.equal(serviceClock('2025-06-01T10:00:00.000Z', received, later).toISOString(), '2025-06-01T10:05:00.000Z');
    assert.equal(serviceClock(undefined, received, later), later);
    assert.equal(serviceClock('not a time', received, later), later);
  });

  test('a PBX whose clock is far ahead of the service still sees 30 days left and a live binding', async () => {
    // The service's test clock stands at 2025-06-01: this machine's clock is months ahead of it,
    // as a PBX 45 days ahead would be.
    const t = await startTestService();
    try {
      assert.ok(Date.now() - t.clock.time > 45 * DAY, 'the local clock is ahead of the service');
      const key = await registerCompany(t);
      const info = await t.client.licenseInfo(key);
      assert.equal(info.serviceTime, new Date(t.clock.time).toISOString());
      assert.match(describeLicense(info), /trial, expires \d{4}-\d\d-\d\d \(30 days left\)/);
      const host = pbxHost();
      await t.client.captureFeature(key, 33, host);
      const { hosts, serviceTime } = await t.client.sessionsWithTime(key);
      const binding = hosts[0]!.bindings[0]!;
      assert.ok(Date.parse(binding.exp) > serviceClock(serviceTime, new Date()).getTime(), 'not lapsed by the service clock');
      assert.ok(Date.parse(binding.exp) <= Date.now(), 'though the local clock would call it lapsed');
    } finally {
      await t.stop();
    }
  });
});
