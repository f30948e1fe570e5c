import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { en } from '../../src/i18n/en.js';
import { ru } from '../../src/i18n/ru.js';
import { pluralForm } from '../../src/i18n/plural.js';
import { catalogParity, formatProblems, type ParityProblem } from './parity.js';

describe('the Russian catalog has the shape of the English one', () => {
  it('the same keys at every depth, errors included, and every message takes and shows the same values', () => {
    const problems = catalogParity(en, ru);
    assert.deepEqual(problems, [], `ru.ts differs from en.ts:\n${formatProblems(problems)}`);
  });

  it('the checker sees the whole catalog: every section and every error id', () => {
    // A checker that walked nothing would pass the test above; this one fails if it stops early.
    const broken = copy(en) as Record<string, unknown>;
    for (const section of Object.keys(en)) delete broken[section];
    const problems = catalogParity(en, broken);
    assert.deepEqual(
      problems.map((p) => p.path),
      Object.keys(en),
    );
    const errorsGone = copy(ru) as { errors: Record<string, unknown> };
    errorsGone.errors = {};
    assert.deepEqual(
      catalogParity(en, errorsGone).map((p) => p.path),
      Object.keys(en.errors).map((id) => `errors.${id}`),
    );
  });
});

describe('the parity checker reports what a translation got wrong', () => {
  /** The problems found at `path` in a copy of the English catalog broken by `breakIt`. */
  function problemsAfter(breakIt: (catalog: any) => void): ParityProblem[] {
    const broken = copy(en);
    breakIt(broken);
    return catalogParity(en, broken);
  }

  it('finds nothing when a catalog is compared with itself', () => {
    assert.deepEqual(catalogParity(en, copy(en)), []);
  });

  it('a missing key, at any depth', () => {
    assert.deepEqual(
      problemsAfter((c) => delete c.app.license.loading),
      [{ path: 'app.license.loading', problem: 'missing in ru' }],
    );
    assert.deepEqual(
      problemsAfter((c) => delete c.errors.size_malformed),
      [{ path: 'errors.size_malformed', problem: 'missing in ru' }],
    );
  });

  it('an extra key', () => {
    assert.deepEqual(
      problemsAfter((c) => (c.app.license.revoked = 'revoked')),
      [{ path: 'app.license.revoked', problem: 'extra in ru (not in en)' }],
    );
  });

  it('a key whose value changed kind (a string where a function was)', () => {
    const problems = problemsAfter((c) => (c.app.host = 'host'));
    assert.deepEqual(problems, [{ path: 'app.host', problem: 'is function in en but text in ru' }]);
  });

  it('a dropped value in a positional message', () => {
    const problems = problemsAfter((c) => (c.app.tooSmall = (need: string, _have: string) => `Terminal too small (need ${need}).`));
    assert.deepEqual(problems, [{ path: 'app.tooSmall', problem: 'en shows parameter 2 but ru does not' }]);
  });

  it('a dropped value in an error, read but not shown', () => {
    const problems = problemsAfter(
      (c) =>
        (c.errors.language_unknown = (p: { value: string; known: string }) => ({
          message: `--lang must name a language pbxmod has; got "${p.value}".`,
          hint: 'Use --lang ru or --lang en.',
        })),
    );
    assert.deepEqual(problems, [
      { path: 'errors.language_unknown', problem: 'en reads p.known but ru does not' },
      { path: 'errors.language_unknown', problem: 'en shows p.known but ru does not' },
    ]);
  });

  it('an error that reads a key English does not have, or loses its hint', () => {
    const misspelt = problemsAfter((c) => (c.errors.size_malformed = (p: { val: string }) => ({ message: `got ${p.val}`, hint: 'use 80x24' })));
    assert.deepEqual(misspelt, [
      { path: 'errors.size_malformed', problem: 'en reads p.value but ru does not' },
      { path: 'errors.size_malformed', problem: 'ru reads p.val but en does not' },
      { path: 'errors.size_malformed', problem: 'en shows p.value but ru does not' },
      { path: 'errors.size_malformed', problem: 'ru shows p.val but en does not' },
    ]);
    const noHint = problemsAfter((c) => (c.errors.size_malformed = (p: { value: string }) => ({ message: `got ${p.value}` })));
    assert.deepEqual(noHint, [{ path: 'errors.size_malformed', problem: 'returns {hint: text, message: text} in en but {message: text} in ru' }]);
  });

  it('a different number of parameters', () => {
    const problems = problemsAfter((c) => (c.app.pbxVersion = (version: string, build: string) => `PBX ${version} ${build}`));
    assert.deepEqual(problems, [
      { path: 'app.pbxVersion', problem: 'takes 1 parameter(s) in en but 2 in ru' },
      { path: 'app.pbxVersion', problem: 'ru shows parameter 2 but en does not' },
    ]);
  });

  it('a count used for Russian plural forms still counts as shown', () => {
    // 1 модуль, 2 модуля, 5 модулей: the translation picks a form by the number and shows it.
    const english = { found: (count: number) => `${count} ${count === 1 ? 'module' : 'modules'}` };
    const russian = { found: (count: number) => `${count} ${pluralForm('ru', count, { one: 'модуль', few: 'модуля', many: 'модулей', other: 'модуля' })}` };
    const forgot = { found: (count: number) => pluralForm('ru', count, { one: 'модуль', few: 'модуля', many: 'модулей', other: 'модуля' }) };
    assert.deepEqual(catalogParity(english, russian), []);
    assert.deepEqual(catalogParity(english, forgot), [{ path: 'found', problem: 'en shows parameter 1 but ru does not' }]);
  });

  it('a message that needs real numbers (a date) is called with numbers', () => {
    const english = { at: (ms: number) => `at ${new Date(ms).getUTCMilliseconds()} ms past the second` };
    const russian = { at: (ms: number) => `в ${new Date(ms).getUTCMilliseconds()} мс после секунды` };
    const dropped = { at: (_ms: number) => 'недавно' };
    assert.deepEqual(catalogParity(english, russian), []);
    assert.deepEqual(catalogParity(english, dropped), [{ path: 'at', problem: 'en shows parameter 1 but ru does not' }]);
  });

  it('plural forms as data may have each language\'s own categories, but the same placeholders', () => {
    const english = { modules: { one: '{count} module', other: '{count} modules' } };
    assert.deepEqual(catalogParity(english, { modules: { one: '{count} модуль', few: '{count} модуля', many: '{count} модулей', other: '{count} модуля' } }), []);
    assert.deepEqual(catalogParity(english, { modules: { one: 'модуль', few: 'модуля', many: 'модулей', other: 'модуля' } }), [
      { path: 'modules', problem: 'placeholder {count} in en but not in ru' },
    ]);
    // An object that is not plural forms keeps its keys.
    assert.deepEqual(catalogParity({ title: { one: 'a', label: 'b' } }, { title: { one: 'а', few: 'б', label: 'в' } }), [
      { path: 'title.few', problem: 'extra in ru (not in en)' },
    ]);
  });

  it('a dropped {placeholder} in a string, and one that English does not have', () => {
    const english = { greeting: 'Hello {name}, {count} new', lines: ['Host {host}', 'seen {when}'] };
    assert.deepEqual(catalogParity(english, { greeting: 'Здравствуйте, {name}, новых: {count}', lines: ['Хост {host}, замечен {when}'] }), []);
    assert.deepEqual(catalogParity(english, { greeting: 'Здравствуйте, {name}', lines: ['Хост {host}', 'замечен {when}', '{extra}'] }), [
      { path: 'greeting', problem: 'placeholder {count} in en but not in ru' },
      { path: 'lines', problem: 'placeholder {extra} in ru but not in en' },
    ]);
  });
});

/** A copy of a catalog whose objects can be changed; the functions are the same ones. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, copy(v)]));
  return value;
}
