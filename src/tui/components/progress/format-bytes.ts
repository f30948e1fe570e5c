import { formatDecimal } from '../../../i18n/format.js';
import { languageOf, type Messages } from '../../../i18n/index.js';

/**
 * 512 B, 12.3 KiB, 4.5 MiB, 1.2 GiB (powers of 1024, so labelled as such; one decimal under
 * 100), in the catalog's language: 12,3 КиБ in Russian.
 */
export function formatBytes(bytes: number, messages: Messages): string {
  const { units } = messages;
  const language = languageOf(messages);
  const n = Math.max(0, bytes);
  const scaled = (value: number) => formatDecimal(language, value, value < 100 ? 1 : 0);
  if (n < 1024) return units.bytes(Math.round(n));
  if (n < 1024 ** 2) return units.kilobytes(scaled(n / 1024));
  if (n < 1024 ** 3) return units.megabytes(scaled(n / 1024 ** 2));
  return units.gigabytes(scaled(n / 1024 ** 3));
}
