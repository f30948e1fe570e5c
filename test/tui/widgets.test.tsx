import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Banner } from '../../src/tui/components/banner/index.js';
import { BusyLine } from '../../src/tui/components/busy-line/index.js';
import { ProgressBar, formatBytes, progressPercent } from '../../src/tui/components/progress/index.js';
import { t } from '../../src/i18n/index.js';
import { createTheme } from '../../src/tui/theme.js';
import { renderWidget, stripAnsi, waitForFrame } from './helpers.js';

describe('progress', () => {
  test('bar, percent and bytes', async () => {
    const app = renderWidget(<ProgressBar done={1536 * 1024} total={3 * 1024 * 1024} width={60} label="ModuleBackup" />);
    const frame = stripAnsi(await waitForFrame(app, (f) => f.includes('ModuleBackup')));
    assert.match(frame, /ModuleBackup \[█+░+\]\s+50%\s+1\.5 MiB of 3\.0 MiB/);
    app.unmount();
  });
  test('ASCII bar', async () => {
    const app = renderWidget(<ProgressBar done={1} total={4} width={40} unit="count" />, { theme: createTheme({ unicode: false }) });
    const frame = stripAnsi(await waitForFrame(app, (f) => f.includes('%')));
    assert.match(frame, /^\[#+-+\]\s+25%\s+1 of 4/);
    app.unmount();
  });
  test('unknown total shows the bytes only; narrow width drops the bar', async () => {
    const app = renderWidget(<ProgressBar done={2048} total={undefined} width={40} />);
    assert.match(stripAnsi(await waitForFrame(app, (f) => f.includes('KiB'))), /2\.0 KiB/);
    app.unmount();
    const narrow = renderWidget(<ProgressBar done={1} total={2} width={12} unit="count" />);
    assert.doesNotMatch(stripAnsi(await waitForFrame(narrow, (f) => f.includes('%'))), /\[/);
    narrow.unmount();
  });
  test('percent and byte units', () => {
    assert.equal(progressPercent(5, 10), 50);
    assert.equal(progressPercent(5, 0), undefined);
    assert.equal(progressPercent(20, 10), 100);
    assert.equal(formatBytes(512, t), '512 B');
    assert.equal(formatBytes(1024 * 1024 * 250, t), '250 MiB');
    assert.equal(formatBytes(1024 ** 3 * 1.25, t), '1.3 GiB');
  });
});

describe('busy line and banner', () => {
  test('a calm working line', async () => {
    const app = renderWidget(<BusyLine what="Downloading the catalog" width={60} />);
    await waitForFrame(app, (f) => f.includes('Working... (Downloading the catalog)'));
    app.unmount();
  });
  test('a banner with what to do', async () => {
    const app = renderWidget(<Banner kind="error" message="No access to the licensing server http://lic.example" hint="Check DNS and the firewall." width={70} />);
    const frame = stripAnsi(await waitForFrame(app, (f) => f.includes('No access')));
    assert.match(frame, /✗ No access to the licensing server http:\/\/lic\.example\n\s+Check DNS/);
    app.unmount();
  });
});
