import { formatDay } from '../../../i18n/format.js';
import type { Language, Messages } from '../../../i18n/index.js';
import type { LicenseInfo, ProductInfo } from '../../../licensing/api.js';
import { commandLabel } from '../../keys/bindings.js';
import type { ThemeSymbols } from '../../theme.js';
import { textWidth } from '../../text-fit.js';
import type { Line } from './lines.js';

type Texts = Messages['screens']['marketplace'];

const DAY_MS = 86_400_000;
/** Labels ("License key", "Owner") take at least this many cells, values start after them. */
const LEAST_LABEL_WIDTH = 13;

/** Where the values start: after the longest label of this language, and a space. */
export function labelWidth(texts: Texts): number {
  const t = texts.license;
  return Math.max(LEAST_LABEL_WIDTH, ...[t.key, t.owner, t.contact, t.phone, t.taxId].map((label) => textWidth(label) + 1));
}

export function labelled(texts: Texts, label: string, value: string): string {
  return `${label}${' '.repeat(Math.max(1, labelWidth(texts) - textWidth(label)))}${value}`;
}

/** "License key  MIKO-*****-*****-*****-AB12C   r reveals, c copies". */
export function keyLine(texts: Texts, shownKey: string, revealed: boolean, symbols: ThemeSymbols): Line {
  const reveal = commandLabel('marketplace.reveal', symbols, { first: true });
  const copy = commandLabel('marketplace.copy', symbols, { first: true });
  const hint = revealed ? texts.license.hideHint(reveal, copy) : texts.license.revealHint(reveal, copy);
  return { text: `${labelled(texts, texts.license.key, shownKey)}   ${hint}`, tone: revealed ? 'accent' : 'normal' };
}

/** Owner, then each product with its term and the seats of each of its features (SPEC §2). */
export function licenseLines(info: LicenseInfo, texts: Texts, language: Language, symbols: ThemeSymbols, now: Date): Line[] {
  const t = texts.license;
  const { owner } = info;
  const lines: Line[] = [{ text: labelled(texts, t.owner, owner.company) }, { text: labelled(texts, t.contact, [owner.contact, owner.email].filter(Boolean).join(', ')) }];
  if (owner.phone) lines.push({ text: labelled(texts, t.phone, owner.phone) });
  if (owner.inn) lines.push({ text: labelled(texts, t.taxId, owner.inn) });
  lines.push({ text: '' }, { text: t.products, tone: 'heading' });
  if (info.products.length === 0) lines.push({ text: `  ${t.noProducts}`, tone: 'muted' });
  const nameWidth = Math.min(32, Math.max(0, ...info.products.map((p) => textWidth(p.name))));
  for (const product of info.products) {
    const symbol = product.expired ? symbols.cross : symbols.check;
    lines.push({ text: `${symbol} ${product.name.padEnd(nameWidth)}  ${productTerm(product, texts, language, now)}`, tone: product.expired ? 'error' : 'ok' });
    for (const feature of product.features) {
      lines.push({ text: `    ${t.featureSeats(feature.count, feature.name, feature.featureId, feature.captured)}`, tone: product.expired ? 'muted' : 'normal' });
    }
  }
  return lines;
}

/** "trial, expires 2026-12-22 (30 days left)" or "EXPIRED on 2026-10-01"; the day as the language writes it. */
export function productTerm(product: ProductInfo, texts: Texts, language: Language, now: Date): string {
  const date = formatDay(language, product.expires);
  if (product.expired) return texts.license.productExpired(product.trial, date);
  const days = Math.max(0, Math.ceil((Date.parse(product.expires) - now.getTime()) / DAY_MS));
  return texts.license.productTerm(product.trial, date, days);
}
