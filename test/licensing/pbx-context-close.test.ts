import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PbxmodError } from '../../src/domain/errors.js';
import { PbxContext } from '../../src/pbx-context.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function context(): Promise<PbxContext> {
  const dir = await mkdtemp(join(tmpdir(), 'pbxmod-close-'));
  dirs.push(dir);
  return new PbxContext({ dataDir: dir });
}

/** Whether anything still answers on `url`. */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/`, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * A console that quits leaves no licensing service behind: a screen's last effect may still
 * ask for the service after the console closed its context, and a service started then would
 * keep the process (a test file, the console itself) running with nobody to stop it.
 */
describe('closing the PBX context', () => {
  test('stops the embedded service it started', async () => {
    const pbx = await context();
    const { baseUrl } = await pbx.licensing();
    assert.ok(await answers(baseUrl), 'the embedded service answers while the context is open');
    await pbx.close();
    assert.equal(await answers(baseUrl), false, 'nothing answers after close');
  });

  test('a close while the service is still starting stops it too', async () => {
    const pbx = await context();
    const starting = pbx.licensing();
    await pbx.close();
    const { baseUrl } = await starting;
    assert.equal(await answers(baseUrl), false);
  });

  test('after close the service is refused, not started again', async () => {
    const pbx = await context();
    await pbx.licensing();
    await pbx.close();
    const servers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'TCPServerWrap').length;
    const before = servers();
    await assert.rejects(pbx.licensing(), (error: unknown) => error instanceof PbxmodError && error.code === 'context_closed' && /closing/.test(error.message));
    assert.equal(servers(), before, 'no new server is listening');
  });
});
