import { after, before } from 'node:test';
import { runCli, startServeProcess, tempDir } from '../support/cli.js';
import { startConsole, type ConsoleSession } from './tmux.js';

/**
 * For one describe block: a `pbxmod serve` process on loopback and a PBX data dir, made before
 * its tests and removed after them; the command line (`pbx`) and the built console (`open`, at
 * 80x24) pointed at both.
 */
export function againstServe() {
  let service: Awaited<ReturnType<typeof startServeProcess>>;
  let serviceDir: Awaited<ReturnType<typeof tempDir>>;
  let pbxDir: Awaited<ReturnType<typeof tempDir>>;
  const consoles: ConsoleSession[] = [];

  before(async () => {
    serviceDir = await tempDir();
    pbxDir = await tempDir();
    service = await startServeProcess(serviceDir.path);
  });
  after(async () => {
    for (const session of consoles) session.kill();
    await service.stop();
    await serviceDir.remove();
    await pbxDir.remove();
  });

  return {
    get url(): string {
      return service.url;
    },
    get serviceDir(): string {
      return serviceDir.path;
    },
    get pbxDir(): string {
      return pbxDir.path;
    },
    /** A command on this PBX against the service. */
    pbx: (...args: string[]) => runCli(['--data-dir', pbxDir.path, '--api', service.url, ...args]),
    /** The console on this PBX at 80x24, against the service (or another `api`), with any more `flags`; closed after the tests. */
    open: async ({ api = service.url, flags = [] }: { api?: string; flags?: string[] } = {}): Promise<ConsoleSession> => {
      const session = await startConsole({ args: ['--data-dir', pbxDir.path, '--api', api, ...flags], columns: 80, rows: 24 });
      consoles.push(session);
      return session;
    },
  };
}
