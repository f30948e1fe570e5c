import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionMatches, filterAuditLog, parseSince } from '../../src/domain/audit-filter.js';
import { ValidationError } from '../../src/domain/errors.js';

const now = new Date('2026-12-01T12:00:00Z');

test('--since takes how long ago, or a date (local midnight), or an ISO time', () => {
  assert.equal(parseSince('30m', now).toISOString(), '2026-12-01T11:30:00.000Z');
  assert.equal(parseSince('2h', now).toISOString(), '2026-12-01T10:00:00.000Z');
  assert.equal(parseSince('3d', now).toISOString(), '2026-11-28T12:00:00.000Z');
  assert.equal(parseSince('1w', now).toISOString(), '2026-11-24T12:00:00.000Z');
  assert.equal(parseSince('2026-11-30').getTime(), new Date(2026, 10, 30).getTime());
  assert.equal(parseSince('2026-11-30T09:30:00Z').toISOString(), '2026-11-30T09:30:00.000Z');
  for (const bad of ['yesterday', '2h30', '2026-13-45', '', '-1d']) {
    assert.throws(() => parseSince(bad, now), (e: unknown) => e instanceof ValidationError && e.code === 'audit_since_invalid', bad);
  }
});

test('--action matches the whole name, its noun or its verb, and nothing else', () => {
  assert.ok(actionMatches('module.enable', 'module.enable'));
  assert.ok(actionMatches('module.enable', 'module'));
  assert.ok(actionMatches('module.enable', 'enable'));
  assert.ok(!actionMatches('module.enable', 'mod'));
  assert.ok(!actionMatches('module.update-all', 'update'));
});

test('the filter keeps the order newest first, entries of the same instant in the order they were written', () => {
  const at = (s: number) => new Date(Date.UTC(2026, 11, 1, 12, 0, s)).toISOString();
  const entries = [
    { at: at(1), who: 'a', action: 'module.install', target: 'X', outcome: 'ok' as const },
    { at: at(2), who: 'a', action: 'module.enable', target: 'X', outcome: 'ok' as const },
    { at: at(2), who: 'b', action: 'module.disable', target: 'X', outcome: 'failed' as const, detail: 'busy' },
  ];
  assert.deepEqual(filterAuditLog(entries).map((e) => e.action), ['module.disable', 'module.enable', 'module.install']);
  assert.deepEqual(filterAuditLog(entries, { since: new Date(at(2)) }).map((e) => e.action), ['module.disable', 'module.enable']);
  assert.deepEqual(filterAuditLog(entries, { text: 'b failed' }).map((e) => e.action), ['module.disable']);
});
