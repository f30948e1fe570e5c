/** Compare dotted versions numerically (`2024.1.114` < `2024.1.2000`); non-numeric parts compare as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const diff = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y);
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  return 0;
}

/** A version this PBX understands: digits separated by dots. */
export const VERSION_PATTERN = /^\d+(\.\d+){0,3}$/;
