import type { UnsafeNameKind } from '../i18n/en/errors/modules.js';

export type { UnsafeNameKind } from '../i18n/en/errors/modules.js';

/**
 * pbxmod's own rules for the name of an entry in a module archive: a name must stay inside the
 * module directory on any system the archive may pass through. The zip library refuses some of
 * these names by itself; these rules do not count on it (another library, or another version of
 * it, may not), so they are checked — and tested — on the names alone.
 *
 * Returns why the name is unsafe, as a kind the error catalog puts in words
 * (`archive_unsafe_path`), or undefined.
 */
export function unsafeEntryName(name: string, maxNameBytes: number): UnsafeNameKind | undefined {
  if (Buffer.byteLength(name) > maxNameBytes) return 'name_too_long';
  if (/[\u0000-\u001f]/.test(name)) return 'control_characters';
  if (name.includes('\\')) return 'backslash';
  if (/^[A-Za-z]:/.test(name)) return 'drive_letter';
  if (name.startsWith('/')) return 'absolute';
  const segments = name.replace(/\/+$/, '').split('/');
  if (segments.some((s) => s === '' || s === '.')) return 'empty_part';
  if (segments.includes('..')) return 'dot_dot';
  return undefined;
}
