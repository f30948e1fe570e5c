import { join } from 'node:path';
import type { PbxStore } from './pbx-store.js';
import type { PbxState } from './schema.js';

/**
 * The PBX store, opened on first use: the store code (lowdb, the lock, the zod schema) loads
 * then, so the console's first frame does not wait for it.
 */
export class LazyPbxStore implements PbxStore {
  readonly file: string;
  private opened: Promise<PbxStore> | undefined;

  constructor(
    private readonly dataDir: string,
    /** `--readonly`: the file is never created nor written (json-file.ts). */
    private readonly readOnly = false,
  ) {
    this.file = join(dataDir, 'pbx.json');
  }

  async read(): Promise<PbxState> {
    return (await this.open()).read();
  }

  async update<R>(change: (data: PbxState) => R | Promise<R>): Promise<R> {
    return (await this.open()).update(change);
  }

  private open(): Promise<PbxStore> {
    this.opened ??= import('./pbx-store.js').then(({ openPbxStore }) => openPbxStore(this.dataDir, { readOnly: this.readOnly }));
    return this.opened;
  }
}
