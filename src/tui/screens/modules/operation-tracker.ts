import type { ModuleProgress } from '../../../modules/index.js';
import type { ModuleContext } from '../../../modules/index.js';
import { ModuleBusyError } from '../../../modules/errors.js';

/** What the console is doing to modules right now. */
export type OperationKind = 'install' | 'update' | 'update-all' | 'install-file' | 'enable' | 'disable' | 'remove' | 'license-check';

export interface RunningOperation {
  kind: OperationKind;
  /** The module it is about; null for update-all and the license check. */
  moduleId: string | null;
  /** The release or file it goes to, for the progress line ("1.81", "/tmp/x.zip"). */
  target: string | null;
  /** The last progress report; null until the first one. */
  progress: ModuleProgress | null;
  /** ISO time it started (for the busy refusal). */
  since: string;
  /** A run over several modules: the place (1-based) of `moduleId` in it, and how many. */
  batch: { index: number; total: number } | null;
}

export interface OperationsSnapshot {
  running: RunningOperation | null;
  /** The last failure of an operation on a module, shown on the module's row until the next try. */
  errors: ReadonlyMap<string, unknown>;
}

/**
 * The console's module operations, outside React: an operation goes on while the person
 * switches screens, and its progress and errors are there when they come back. One tracker
 * per PbxContext; the screen reads it with `useSyncExternalStore`.
 */
export class OperationTracker {
  private snapshot: OperationsSnapshot = { running: null, errors: new Map() };
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): OperationsSnapshot => this.snapshot;

  /** Start tracking an operation (the caller has refused a second one); clears the module's last error. */
  begin(kind: OperationKind, moduleId: string | null, target: string | null): void {
    const errors = new Map(this.snapshot.errors);
    if (moduleId) errors.delete(moduleId);
    this.set({ running: { kind, moduleId, target, progress: null, since: new Date().toISOString(), batch: null }, errors });
  }

  /** Start a run over several modules (one operation, one progress line); clears their last errors. */
  beginBatch(kind: OperationKind, moduleIds: readonly string[]): void {
    const errors = new Map([...this.snapshot.errors].filter(([id]) => !moduleIds.includes(id)));
    const batch = { index: 0, total: moduleIds.length };
    this.set({ running: { kind, moduleId: moduleIds[0] ?? null, target: null, progress: null, since: new Date().toISOString(), batch }, errors });
  }

  /** The run moved on to its next module (`index` 0-based). */
  step(moduleId: string, index: number, total: number): void {
    const running = this.snapshot.running;
    if (running) this.set({ ...this.snapshot, running: { ...running, moduleId, progress: null, batch: { index: index + 1, total } } });
  }

  progress(progress: ModuleProgress): void {
    const running = this.snapshot.running;
    if (running) this.set({ ...this.snapshot, running: { ...running, progress } });
  }

  /**
   * The operation ended; `failures` go on the rows of their modules. "Another module operation
   * is running" refusals it caused go: that operation is not running any more.
   */
  end(failures: ReadonlyArray<{ moduleId: string; error: unknown }> = []): void {
    const errors = new Map([...this.snapshot.errors].filter(([, error]) => !(error instanceof ModuleBusyError)));
    for (const { moduleId, error } of failures) errors.set(moduleId, error);
    this.set({ running: null, errors });
  }

  /** A refusal or failure outside a tracked operation (busy, read-only) still belongs on the row. */
  fail(moduleId: string, error: unknown): void {
    this.set({ ...this.snapshot, errors: new Map(this.snapshot.errors).set(moduleId, error) });
  }

  clearError(moduleId: string): void {
    if (!this.snapshot.errors.has(moduleId)) return;
    const errors = new Map(this.snapshot.errors);
    errors.delete(moduleId);
    this.set({ ...this.snapshot, errors });
  }

  private set(next: OperationsSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

const trackers = new WeakMap<ModuleContext, OperationTracker>();

/** The tracker of this PBX context (created on first use). */
export function operationTrackerFor(ctx: ModuleContext): OperationTracker {
  let tracker = trackers.get(ctx);
  if (!tracker) {
    tracker = new OperationTracker();
    trackers.set(ctx, tracker);
  }
  return tracker;
}
