import { unwatchFile, watchFile, type Stats } from 'node:fs';
import { useEffect, useRef } from 'react';
import { useConsole } from '../console-context.js';

/**
 * Always current: another pbxmod process (the command line, cron's `license check`) may change
 * the PBX store while the console runs. The store file is watched, and a change makes every view
 * that reads the store read it again (`storeChanged()`), within `intervalMs` plus a read.
 * Polling (`fs.watchFile`) rather than inotify: the store is replaced by an atomic rename, which
 * an inotify watch on the old file does not follow, and one stat a second costs nothing.
 */
export function useStoreWatch(intervalMs = 1000): void {
  const { pbx, storeChanged } = useConsole();
  const changed = useRef(storeChanged);
  changed.current = storeChanged;
  useEffect(() => {
    const file = pbx.store.file;
    const onChange = (now: Stats, before: Stats) => {
      if (now.mtimeMs === before.mtimeMs && now.ino === before.ino && now.size === before.size) return;
      // The store being created (the console's own first read makes it) is no news to anyone.
      if (before.mtimeMs === 0) return;
      changed.current();
    };
    watchFile(file, { interval: intervalMs, persistent: false }, onChange);
    return () => unwatchFile(file, onChange);
  }, [pbx, intervalMs]);
}
