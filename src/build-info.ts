// What `pbxmod --version` says. The build (scripts/build.mjs, scripts/dist.mjs) writes the
// version and the commit in as a constant; run from the sources, they read "development".
declare const PBXMOD_BUILD: { version: string; commit: string } | undefined;

export interface BuildInfo {
  version: string;
  commit: string;
  /** The runtime that runs this copy: "Bun 1.4.5" inside the executable, "Node.js v20.20.2" for the bundle. */
  runtime: string;
}

export function buildInfo(): BuildInfo {
  const built = typeof PBXMOD_BUILD === 'undefined' ? { version: 'development', commit: 'unknown' } : PBXMOD_BUILD;
  const bun = (process.versions as Record<string, string | undefined>).bun;
  const runtime = bun ? `Bun ${bun}` : `Node.js ${process.version}`;
  return { ...built, runtime: `${runtime} (${process.platform}-${process.arch})` };
}

/** One line: `pbxmod 0.1.0 (commit 1a2b3c4, Bun 1.4.5 (linux-x64))`. */
export function versionLine(): string {
  const { version, commit, runtime } = buildInfo();
  return `pbxmod ${version} (commit ${commit}, ${runtime})`;
}
