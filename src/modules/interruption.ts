import { reason } from '../domain/errors.js';
import { activeMessages } from '../i18n/active.js';
import { ModuleError } from './errors.js';

/**
 * SIGINT, SIGTERM and SIGHUP during a module operation (SPEC §5: a failed install changes
 * nothing): the signal aborts the operation, which rolls back and cleans its staging folder
 * like any other failure; then the program says so and ends as the signal asked. The console,
 * which has its own handlers, waits for that through `interruptModuleOperations`.
 */
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const SIGNAL_NUMBERS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** The operation a signal stopped, as the module lock names it: `{operation: 'install', moduleId: 'ModuleX'}`. */
export interface StoppedOperation {
  operation: string;
  moduleId?: string;
}

interface Watch {
  controller: AbortController;
  settled: Promise<string | null>;
}
const running = new Set<Watch>();

export class ModuleInterruptedError extends ModuleError {
  readonly signal: NodeJS.Signals;
  constructor(signal: NodeJS.Signals, what: StoppedOperation) {
    super(reason('module_interrupted', { signal, ...operationParams(what) }));
    this.signal = signal;
  }
}

export interface OperationWatch {
  readonly signal: AbortSignal;
  /** Call when the operation has ended (committed or rolled back), with whether it committed. */
  end(outcome: 'committed' | 'rolled-back'): void;
}

/** Watch the signals for one module operation, `what` naming it as the lock does. */
export function watchSignals(what: StoppedOperation): OperationWatch {
  const controller = new AbortController();
  let resolveSettled!: (message: string | null) => void;
  const watch: Watch = { controller, settled: new Promise((r) => (resolveSettled = r)) };
  running.add(watch);
  let received: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (received) {
      // A second Ctrl-C while a step cannot stop (a request to the service): end now; the next
      // pbxmod settles what is left (recovery runs before every operation).
      if (process.listenerCount(signal) === 1) {
        process.stderr.write(`pbxmod: ${activeMessages().errors.module_interrupted_again({ signal, ...operationParams(what) }).message}\n`);
        process.exit(128 + (SIGNAL_NUMBERS[signal] ?? 0));
      }
      return;
    }
    received = signal;
    controller.abort(new ModuleInterruptedError(signal, what));
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return {
    signal: controller.signal,
    end(outcome) {
      for (const signal of SIGNALS) process.off(signal, onSignal);
      running.delete(watch);
      if (!received) {
        resolveSettled(null);
        return;
      }
      const said = { signal: received, ...operationParams(what) };
      const { errors } = activeMessages();
      const message = (outcome === 'rolled-back' ? errors.module_interrupted_rolled_back(said) : errors.module_interrupted_committed(said)).message;
      resolveSettled(message);
      // The console listens too and ends itself once `interruptModuleOperations` returns; a command ends here.
      if (process.listenerCount(received) === 0) {
        process.stderr.write(`pbxmod: ${message}\n`);
        process.exit(128 + (SIGNAL_NUMBERS[received] ?? 0));
      }
    },
  };
}

/** Stop every module operation of this process and wait until each rolled back; what each said. */
export async function interruptModuleOperations(signal: NodeJS.Signals): Promise<string[]> {
  const watches = [...running];
  for (const watch of watches) if (!watch.controller.signal.aborted) watch.controller.abort(new ModuleInterruptedError(signal, { operation: 'module operation' }));
  const messages = await Promise.all(watches.map((w) => w.settled));
  return messages.filter((m): m is string => m !== null);
}

function operationParams(what: StoppedOperation): StoppedOperation {
  return what.moduleId ? { operation: what.operation, moduleId: what.moduleId } : { operation: what.operation };
}
