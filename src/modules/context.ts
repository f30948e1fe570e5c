import { join } from 'node:path';
import type { HostIdentity } from '../licensing/api.js';
import type { LicensingClient } from '../licensing/client.js';
import type { PbxStore } from '../store/pbx-store.js';

/**
 * What a module operation needs from its caller; the command line's and the console's
 * PbxContext both fit it.
 */
export interface ModuleContext {
  readonly dataDir: string;
  readonly store: PbxStore;
  /** `--readonly`: nothing is written (the store refuses); what a killed operation left waits. */
  readonly readOnly?: boolean;
  licensing(): Promise<LicensingClient>;
  hostIdentity(): Promise<HostIdentity>;
}

/** A step of a long operation, for a progress bar. `bytes`/`total` where the step counts bytes. */
export interface ModuleProgress {
  stage: 'license' | 'link' | 'download' | 'verify' | 'extract' | 'install';
  bytes?: number;
  total?: number;
}
export type ProgressCallback = (progress: ModuleProgress) => void;

/** Where module files live inside the data directory. */
export const moduleLayout = {
  /** All installed modules: `<dataDir>/modules/<id>/`. */
  modulesDir: (dataDir: string) => join(dataDir, 'modules'),
  moduleDir: (dataDir: string, id: string) => join(dataDir, 'modules', id),
  /** A module's settings kept from a delete: `<dataDir>/kept-settings/<id>/db`. */
  keptSettingsDir: (dataDir: string, id: string) => join(dataDir, 'kept-settings', id),
  keptDbDir: (dataDir: string, id: string) => join(dataDir, 'kept-settings', id, 'db'),
  /** Downloads, unpacking and the previous version during a swap; same file system as modules/. */
  stagingRoot: (dataDir: string) => join(dataDir, 'module-staging'),
  /** The one-operation lock; it names its holder (pid, operation, module). */
  lockFile: (dataDir: string) => join(dataDir, 'modules.lock'),
} as const;

/** The module's settings folder inside its directory. */
export const SETTINGS_FOLDER = 'db';
