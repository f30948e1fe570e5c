import { setFlagsFromString } from 'node:v8';

/**
 * The console favours memory over speed. V8's defaults suit servers: young generation
 * doubling on each burst of allocation, old generation growing ahead of need. A console
 * reading a PBX store of 10,000 dialplan applications (3 MB of JSON, parsed and checked
 * against the schema by each reader) saw its heap grow to 60 MB, mostly garbage, and its
 * peak RSS to ~125 MB; with these ~90 MB (bench/memory.mjs). Set before the console's modules
 * load (src/cli.ts); V8 reads these when it sizes the heap, so setting them late is fine.
 * The command line and `pbxmod serve` keep V8's defaults.
 */
export function favourMemoryOverSpeed(): void {
  setFlagsFromString('--optimize-for-size');
  // New space grows in steps of one semi-space instead of doubling.
  setFlagsFromString('--semi-space-growth-factor=1');
}
