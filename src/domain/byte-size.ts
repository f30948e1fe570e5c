/**
 * 512 B, 1.5 KiB, 4.5 MiB, 1.25 GiB: sizes in the messages of the module pipeline. Powers of
 * 1024, so KiB / MiB / GiB: what `du -h` and `df -h` mean by K / M / G.
 */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GiB`;
}
