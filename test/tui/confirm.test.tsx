import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useEffect, useState } from 'react';
import { Text } from 'ink';
import { Confirm, useConfirm, type ConfirmResult } from '../../src/tui/components/confirm/index.js';
import { keys, press, renderWidget, stripAnsi, waitForFrame } from './helpers.js';

function Harness({ defaultChoice, withOption }: { defaultChoice?: 'confirm' | 'cancel'; withOption?: boolean }) {
  const [result, setResult] = useState<ConfirmResult | undefined>();
  if (result) return <Text>{`answered confirmed=${result.confirmed} option=${result.optionChecked}`}</Text>;
  return (
    <Confirm
      title="Delete module ModuleUsersUI?"
      message="The module's files are removed."
      warnings={['It stops serving its users.']}
      {...(withOption ? { option: { label: 'Keep module settings', defaultChecked: true } } : {})}
      {...(defaultChoice ? { defaultChoice } : {})}
      onAnswer={setResult}
    />
  );
}

describe('confirm', () => {
  test('shows the question, the warning and y/N; Enter answers No by default', async () => {
    const app = renderWidget(<Harness />);
    const frame = await waitForFrame(app, (f) => f.includes('Delete module'));
    assert.match(frame, /\[y\/N\]/);
    assert.match(frame, /It stops serving its users/);
    await press(app, keys.enter);
    await waitForFrame(app, (f) => f.includes('answered confirmed=false'));
    app.unmount();
  });

  test('a message or warning longer than the dialog wraps and keeps its end', async () => {
    const long = 'Dropping the binding releases feature 33 of host pbx-old-backup-restore-2024; that PBX loses its MikoPBX free license until it captures a seat again from Marketplace & license.';
    const app = renderWidget(<Confirm title="Drop the binding?" message={long} warnings={[long]} width={40} onAnswer={() => undefined} />);
    const frame = await waitForFrame(app, (f) => f.includes('Drop the binding?'));
    const text = stripAnsi(frame).replace(/[│|]/g, ' ').replace(/\s+/g, ' ');
    assert.match(text, /from Marketplace & license\. .*from Marketplace & license\./, 'both keep their end');
    for (const line of stripAnsi(frame).split('\n')) assert.ok([...line].length <= 40, line);
    app.unmount();
  });

  test('y confirms', async () => {
    const app = renderWidget(<Harness />);
    await waitForFrame(app, (f) => f.includes('Delete module'));
    await press(app, 'y');
    await waitForFrame(app, (f) => f.includes('answered confirmed=true'));
    app.unmount();
  });

  test('n and Esc cancel', async () => {
    for (const key of ['n', keys.escape]) {
      const app = renderWidget(<Harness defaultChoice="confirm" />);
      await waitForFrame(app, (f) => f.includes('[Y/n]'));
      await press(app, key, 'answered confirmed=false');
      app.unmount();
    }
  });

  test('arrows move the highlight; Enter takes the highlighted answer', async () => {
    const app = renderWidget(<Harness />);
    await waitForFrame(app, (f) => f.includes('Delete module'));
    await press(app, keys.left, '[Y/n]');
    await press(app, keys.enter);
    await waitForFrame(app, (f) => f.includes('answered confirmed=true'));
    app.unmount();
  });

  test('the option starts checked and Space toggles it', async () => {
    const app = renderWidget(<Harness withOption />);
    let frame = await waitForFrame(app, (f) => f.includes('Keep module settings'));
    assert.match(stripAnsi(frame), /\[x\] Keep module settings/);
    await press(app, keys.space, /\[ \] Keep module settings/);
    await press(app, keys.space, /\[x\] Keep module settings/);
    await press(app, 'y');
    await waitForFrame(app, (f) => f.includes('answered confirmed=true option=true'));
    app.unmount();
  });

  test('useConfirm opens the dialog and resolves with the answer; keys do not reach the screen', async () => {
    let answer: ConfirmResult | undefined;
    function Screen() {
      const confirm = useConfirm();
      useEffect(() => {
        void confirm({ title: 'Drop the binding?', option: { label: 'Keep settings', defaultChecked: true } }).then((r) => {
          answer = r;
        });
      }, [confirm]);
      return <Text>screen</Text>;
    }
    const app = renderWidget(<Screen />);
    await waitForFrame(app, (f) => f.includes('Drop the binding?'));
    await press(app, keys.enter);
    await waitForFrame(app, (f) => !f.includes('Drop the binding?'));
    assert.deepEqual(answer, { confirmed: false, optionChecked: true });
    app.unmount();
  });
});
