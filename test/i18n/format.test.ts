import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDateTime, formatDay, formatDecimal } from '../../src/i18n/format.js';
import { loadMessages, pluralForm, t } from '../../src/i18n/index.js';
import { formatBytes } from '../../src/tui/components/progress/format-bytes.js';

describe('dates, numbers and sizes in the catalog\'s language', () => {
  test('a calendar day: ISO in English, day.month.year in Russian, whatever the time zone', () => {
    assert.equal(formatDay('en', '2026-12-22T23:30:00Z'), '2026-12-22');
    assert.equal(formatDay('ru', '2026-12-22T23:30:00Z'), '22.12.2026');
    assert.equal(formatDay('ru', '2026-01-05'), '05.01.2026');
    assert.equal(formatDay('ru', 'not a date'), 'not a date');
  });

  test('a moment in local time, with seconds or without the year', () => {
    const moment = new Date(2026, 4, 4, 14, 3, 7);
    assert.equal(formatDateTime('en', moment), '2026-05-04 14:03');
    assert.equal(formatDateTime('ru', moment), '04.05.2026 14:03');
    assert.equal(formatDateTime('ru', moment, { seconds: true }), '04.05.2026 14:03:07');
    assert.equal(formatDateTime('en', moment, { year: false }), '05-04 14:03');
    assert.equal(formatDateTime('ru', moment, { year: false }), '04.05 14:03');
  });

  test('decimals: a point in English, a comma in Russian, no grouping', () => {
    assert.equal(formatDecimal('en', 1023.5, 0), '1024');
    assert.equal(formatDecimal('en', 12.34, 1), '12.3');
    assert.equal(formatDecimal('ru', 12.34, 1), '12,3');
    assert.equal(formatDecimal('ru', 1500, 0), '1500');
  });

  test('sizes: KiB in English, КиБ with a decimal comma in Russian', async () => {
    const ru = await loadMessages('ru');
    assert.equal(formatBytes(512, t), '512 B');
    assert.equal(formatBytes(12.3 * 1024, t), '12.3 KiB');
    assert.equal(formatBytes(512, ru), '512 Б');
    assert.equal(formatBytes(12.3 * 1024, ru), '12,3 КиБ');
    assert.equal(formatBytes(250 * 1024 ** 2, ru), '250 МиБ');
  });

  test('counts take the form their language gives them', async () => {
    const ru = await loadMessages('ru');
    const heading = (messages: typeof t, n: number) => messages.screens.modules.heading.marketplace(n, '2025.1');
    assert.equal(heading(ru, 1), 'Маркетплейс: 1 модуль для MikoPBX 2025.1');
    assert.equal(heading(ru, 2), 'Маркетплейс: 2 модуля для MikoPBX 2025.1');
    assert.equal(heading(ru, 5), 'Маркетплейс: 5 модулей для MikoPBX 2025.1');
    assert.equal(heading(ru, 21), 'Маркетплейс: 21 модуль для MikoPBX 2025.1');
    assert.equal(heading(t, 1), 'Marketplace: 1 module for MikoPBX 2025.1');
    assert.equal(heading(t, 5), 'Marketplace: 5 modules for MikoPBX 2025.1');
    assert.equal(ru.screens.sessions.counts(2, 5), '2 хоста, 5 привязок');
    assert.equal(ru.screens.marketplace.license.productTerm(true, '22.12.2026', 1), 'пробная, до 22.12.2026 (остался 1 день)');
    assert.equal(pluralForm('ru', 11, { one: 'модуль', few: 'модуля', many: 'модулей', other: 'модуля' }), 'модулей');
  });
});
