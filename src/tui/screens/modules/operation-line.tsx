import { Text } from 'ink';
import { useMessages } from '../../../i18n/index.js';
import { BusyLine } from '../../components/busy-line/index.js';
import { ProgressBar } from '../../components/progress/index.js';
import type { RunningOperation } from './operation-tracker.js';

/**
 * The running operation at the foot of the screen: a progress bar with percent and bytes
 * while a step counts bytes (download, unpacking), else a busy line naming the step.
 */
export function OperationLine({ running, width }: { running: RunningOperation | null; width: number }) {
  const messages = useMessages();
  const m = messages.screens.modules;
  if (!running) return <Text> </Text>;
  const one = m.operation[running.kind](running.moduleId ?? '', running.target);
  const what = running.batch && running.batch.index > 0 ? `${one} ${messages.bulk.screen.progress(running.batch.index, running.batch.total)}` : one;
  const progress = running.progress;
  if (!progress) return <BusyLine what={what} width={width} />;
  const label = `${what}: ${m.stage[progress.stage]}`;
  if (progress.bytes !== undefined && progress.total !== undefined) return <ProgressBar done={progress.bytes} total={progress.total} width={width} label={label} />;
  return <BusyLine what={label} width={width} />;
}
