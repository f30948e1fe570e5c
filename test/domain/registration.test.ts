import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ValidationError } from '../../src/domain/errors.js';
import { parseRegistration, registrationProblems } from '../../src/domain/registration.js';

test('an empty form names every required field', () => {
  assert.deepEqual(registrationProblems({}), {
    company: 'Company name is required.',
    email: 'Contact email is required.',
    contact: 'Contact person is required.',
  });
});

test('optional phone and company identifier are checked only when given', () => {
  const base = { company: 'Acme', email: 'ann@acme.example', contact: 'Ann' };
  assert.deepEqual(registrationProblems({ ...base, phone: '', inn: '' }), {});
  assert.match(registrationProblems({ ...base, inn: '12345' }).inn ?? '', /10 to 12 digits/);
  assert.match(registrationProblems({ ...base, inn: '1234567890123' }).inn ?? '', /10 to 12 digits/);
  assert.match(registrationProblems({ ...base, phone: 'call me' }).phone ?? '', /digits/);
  assert.match(registrationProblems({ ...base, email: 'ann.acme' }).email ?? '', /not an email/);
});

test('a valid form is trimmed and the email lower-cased', () => {
  const parsed = parseRegistration({ company: '  Acme   Ltd ', email: ' Ann@Acme.Example ', contact: 'Ann  Lee', inn: '7701 234567' });
  assert.deepEqual(parsed, { company: 'Acme Ltd', email: 'ann@acme.example', contact: 'Ann Lee', inn: '7701234567' });
});

test('parseRegistration throws a ValidationError naming the first bad field', () => {
  assert.throws(
    () => parseRegistration({ company: 'Acme', email: 'x', contact: 'Ann' }),
    (error: unknown) => error instanceof ValidationError && error.field === 'email',
  );
});
