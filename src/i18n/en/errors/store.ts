import type { ErrorText } from '../errors.js';
import { systemErrorText, type SystemCause } from './domain.js';

/** What the store file is: its label as the program names it ("PBX store", "licensing service store"). */
interface StoreFile {
  store: string;
  file: string;
}

const untouched = (file: string) => `It was left untouched. Restore it from a backup, or move it aside (mv ${file} ${file}.broken) to start with an empty one.`;

/** Errors of the store files, in English. */
export const store = {
  store_read_only: (p: StoreFile) => ({
    message: `Read-only mode (--readonly or PBXMOD_READONLY): the ${p.store} ${p.file} is not written. Nothing was changed.`,
    hint: 'Run pbxmod again without --readonly and with PBXMOD_READONLY unset to make changes.',
  }),
  store_invalid_write: (p: StoreFile & { detail: string }) => ({
    message: `Refused to save the ${p.store} ${p.file}: ${p.detail}.`,
    hint: 'Nothing was changed. Please report this as a bug.',
  }),
  store_busy: (p: StoreFile & { pid?: number; host?: string }) => ({
    message: `The ${p.store} ${p.file} is locked by another pbxmod process${p.pid === undefined ? '' : ` (pid ${p.pid}${p.host === undefined ? '' : ` on ${p.host}`})`}.`,
    hint: 'Wait for the other operation to finish and try again. A lock whose process has ended is taken over at once.',
  }),
  store_too_new: (p: StoreFile & { version: number; known: number }) => ({
    message: `The ${p.store} ${p.file} was written by a newer pbxmod (format ${p.version}; this one knows up to ${p.known}).`,
    hint: 'Upgrade pbxmod. The file was left untouched.',
  }),
  store_no_migration: (p: StoreFile & { version: number }) => ({
    message: `The ${p.store} ${p.file} is in format ${p.version}, which this pbxmod cannot upgrade.`,
    hint: 'Upgrade pbxmod step by step. The file was left untouched.',
  }),
  store_corrupt_empty: (p: StoreFile) => ({ message: `The ${p.store} ${p.file} cannot be read: the file is empty.`, hint: untouched(p.file) }),
  store_corrupt_json: (p: StoreFile & { detail: string }) => ({
    message: `The ${p.store} ${p.file} cannot be read: it is not valid JSON (${p.detail}).`,
    hint: untouched(p.file),
  }),
  store_corrupt_not_object: (p: StoreFile) => ({ message: `The ${p.store} ${p.file} cannot be read: it does not hold a JSON object.`, hint: untouched(p.file) }),
  store_corrupt_shape: (p: StoreFile & { at?: string; detail: string }) => ({
    message: `The ${p.store} ${p.file} cannot be read: its content does not fit the ${p.store} format${p.at ? ` at ${p.at}` : ''}: ${p.detail}.`,
    hint: untouched(p.file),
  }),
  store_corrupt_version: (p: StoreFile) => ({ message: `The ${p.store} ${p.file} cannot be read: it has no valid "schemaVersion".`, hint: untouched(p.file) }),
  store_io: (p: StoreFile & { cause: SystemCause }) => {
    const { message, hint } = systemErrorText(p.cause);
    return { message: `Cannot access the ${p.store} ${p.file}: ${message}`, hint: /nothing was changed/i.test(hint) ? hint : `${hint} Nothing was changed.` };
  },
} satisfies Record<string, (p: never) => ErrorText>;
