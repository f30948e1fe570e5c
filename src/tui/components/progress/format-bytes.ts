import type { Messages } from '../../../i18n/index.js';

/** 512 B, 12.3 KiB, 4.5 MiB, 1.2 GiB (powers of 1024, so labelled as such; one decimal under 100). */
export function formatBytes(bytes: number, units: Messages['units']): string {
  const n = Math.max(0, bytes);
  const scaled = (value: number) => (value < 100 ? value.toFixed(1) : value.toFixed(0));
  if (n < 1024) return units.bytes(Math.round(n));
  if (n < 1024 ** 2) return units.kilobytes(scaled(n / 1024));
  if (n < 1024 ** 3) return units.megabytes(scaled(n / 1024 ** 2));
  return units.gigabytes(scaled(n / 1024 ** 3));
}
