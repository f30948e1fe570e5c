/**
 * pbxmod's own rules for the name of an entry in a module archive: a name must stay inside the
 * module directory on any system the archive may pass through. The zip library refuses some of
 * these names by itself; these rules do not count on it (another library, or another version of
 * it, may not), so they are checked — and tested — on the names alone.
 *
 * Returns why the name is unsafe (completing "The archive entry "…" "), or undefined.
 */
export function unsafeEntryName(name: string, maxNameBytes: number): string | undefined {
  if (Buffer.byteLength(name) > maxNameBytes) return `has a name longer than ${maxNameBytes} bytes`;
  if (/[\u0000-\u001f]/.test(name)) return 'has control characters in its name';
  if (name.includes('\\')) return 'uses backslashes, which can turn into a path outside the module directory on some systems';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter (an absolute path)';
  if (name.startsWith('/')) return 'has an absolute path';
  const segments = name.replace(/\/+$/, '').split('/');
  if (segments.some((s) => s === '' || s === '.')) return 'has an empty or "." part in its path';
  if (segments.includes('..')) return 'would be written outside the module directory ("..")';
  return undefined;
}
