import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useState } from 'react';
import { Box, Text } from 'ink';
import { Form, type FormValues } from '../../src/tui/components/form/index.js';
import { PbxmodError } from '../../src/domain/errors.js';
import { keys, press, renderWidget, type, waitForFrame } from './helpers.js';

const fields = [
  { name: 'company', label: 'Company name' },
  { name: 'email', label: 'Contact email' },
  { name: 'key', label: 'License key', mask: true },
];

const validate = (v: FormValues) => ({
  company: v.company?.trim() ? undefined : 'Required.',
  email: /^[^@\s]+@[^@\s]+$/.test(v.email ?? '') ? undefined : 'Enter an email address like admin@example.com.',
});

function Harness({ onSubmit }: { onSubmit: (v: FormValues) => void | Promise<void> }) {
  const [done, setDone] = useState('');
  return (
    <Box flexDirection="column">
      <Text>{`done=${done}`}</Text>
      <Form
        fields={fields}
        validate={validate}
        submitLabel="Registering"
        width={70}
        onSubmit={async (v) => {
          await onSubmit(v);
          setDone(`${v.company}|${v.email}|${v.key}`);
        }}
      />
    </Box>
  );
}

describe('form', () => {
  test('validates live: a message appears under a touched field and goes when fixed', async () => {
    const app = renderWidget(<Harness onSubmit={() => undefined} />);
    await waitForFrame(app, (f) => f.includes('Company name'));
    assert.doesNotMatch(app.lastFrame()!, /Required/, 'untouched fields show no message');
    await type(app, 'Acme', /Company name\s+Acme/);
    await press(app, keys.tab);
    let frame = await type(app, 'admin', /Contact email\s+admin/);
    assert.match(frame, /Enter an email address/);
    frame = await type(app, '@acme.example', /Contact email\s+admin@acme\.example/);
    assert.doesNotMatch(frame, /Enter an email address/);
    app.unmount();
  });

  test('Enter moves to the next field and submits on the last; masked fields show stars', async () => {
    let submitted: FormValues | undefined;
    const app = renderWidget(<Harness onSubmit={(v) => void (submitted = v)} />);
    await waitForFrame(app, (f) => f.includes('Company name'));
    await type(app, 'Acme', /Company name\s+Acme/);
    await press(app, keys.enter, /›\s*Contact email/);
    await type(app, 'a@b.c', /Contact email\s+a@b\.c/);
    await press(app, keys.enter, /›\s*License key/);
    const frame = await type(app, 'MIKO', /License key\s+\*\*\*\*/);
    assert.doesNotMatch(frame, /MIKO/);
    await press(app, keys.enter);
    await waitForFrame(app, (f) => f.includes('done=Acme|a@b.c|MIKO'));
    assert.deepEqual(submitted, { company: 'Acme', email: 'a@b.c', key: 'MIKO' });
    app.unmount();
  });

  test('a submit with errors shows every message and does not call onSubmit', async () => {
    let calls = 0;
    const app = renderWidget(<Harness onSubmit={() => void calls++} />);
    await waitForFrame(app, (f) => f.includes('Company name'));
    await press(app, keys.up, /›\s*License key/); // to the last field
    const frame = await press(app, keys.enter, 'Correct the fields');
    assert.match(frame, /Required\./);
    assert.match(frame, /Enter an email address/);
    assert.match(frame, /Correct the fields/);
    assert.equal(calls, 0);
    app.unmount();
  });

  test('busy while submitting, then the error of a failed submit on the form line', async () => {
    let fail: (e: unknown) => void = () => undefined;
    const app = renderWidget(<Harness onSubmit={() => new Promise<void>((_, reject) => (fail = reject))} />);
    await waitForFrame(app, (f) => f.includes('Company name'));
    await type(app, 'Acme', /Company name\s+Acme/);
    await press(app, keys.tab);
    await type(app, 'a@b.c', /Contact email\s+a@b\.c/);
    await press(app, keys.tab, /›\s*License key/);
    await press(app, keys.enter, 'Working... (Registering)');
    await type(app, 'zz'); // ignored while busy
    fail(new PbxmodError(2022, 'This email already has a key for another company.', 'Use another email.'));
    const frame = await waitForFrame(app, (f) => f.includes('already has a key'));
    assert.match(frame, /Use another email/);
    assert.doesNotMatch(frame, /zz/);
    app.unmount();
  });

  test('Tab, Shift-Tab and arrows move between fields', async () => {
    const app = renderWidget(<Harness onSubmit={() => undefined} />);
    await waitForFrame(app, (f) => f.includes('Company name'));
    await press(app, keys.down, /›\s*Contact email/);
    await press(app, keys.down, /›\s*License key/);
    await press(app, keys.shiftTab, /›\s*Contact email/);
    await type(app, 'x', /Contact email\s+x/);
    app.unmount();
  });
});
