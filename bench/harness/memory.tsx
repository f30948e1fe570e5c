// Run by bench/memory.mjs (bundled first), in two separate processes:
//   seed DIR COUNT   fill the PBX store in DIR with COUNT dialplan applications
//   console DIR      run the console at 80x24 on the Dialplan tab (the real screen) over that
//                    store, move through the list, and report peak memory
// The console sets up V8's heap before its modules load (src/cli.ts); so does this.
import { favourMemoryOverSpeed } from '../../src/tui/console-heap.js';

if (process.argv[2] === 'console') favourMemoryOverSpeed();
await import('./memory-run.js');
