import { afterEach } from 'node:test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PbxContext } from '../../../src/pbx-context.js';
import { startTestService, type TestService } from '../../licensing/service/harness.js';
import type { RenderedApp } from '../helpers.js';

/** A licensing service on loopback, a PBX data dir pointing at it, and the console once opened. */
export interface ServiceWorld {
  service: TestService;
  pbx: PbxContext;
  dataDir: string;
  app: RenderedApp | undefined;
}

/**
 * For one test file: `newWorld()` makes a ServiceWorld for the running test; after each test
 * the console, the PBX context, the service and the data dir go, in that order.
 */
export function serviceWorlds(prefix: string): (serviceOptions?: Parameters<typeof startTestService>[0]) => Promise<ServiceWorld> {
  let world: ServiceWorld | undefined;
  afterEach(async () => {
    await world?.app?.dispose();
    await world?.pbx.close();
    await world?.service.stop();
    if (world) await rm(world.dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 30 });
    world = undefined;
  });
  return async (serviceOptions) => {
    const service = await startTestService(serviceOptions);
    const dataDir = await mkdtemp(join(tmpdir(), prefix));
    world = { service, pbx: new PbxContext({ dataDir, api: service.url }), dataDir, app: undefined };
    return world;
  };
}
