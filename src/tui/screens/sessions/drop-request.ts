import { MIKOPBX_FEATURE_ID, MIKOPBX_PRODUCT_ID } from '../../../domain/license-products.js';
import type { Binding } from '../../../licensing/api.js';
import type { DropPlan } from '../../../licensing/session-monitor.js';
import type { Language, Messages } from '../../../i18n/index.js';
import type { ConfirmRequest } from '../../components/confirm/index.js';
import { localDateTime } from './format-time.js';
import { wrapText } from '../../text-fit.js';

type SessionMessages = Messages['screens']['sessions'];
type OwnHostMessages = Messages['seats']['sessions'];

/**
 * The warnings of `dropWarnings()` (src/domain/license-products.ts) in the console's language:
 * losing feature 33 unlicenses that PBX; features of other products switch their modules off.
 */
export function dropWarningLines(bindings: readonly Binding[], m: SessionMessages, own?: OwnHostMessages): string[] {
  const warnings: string[] = [];
  if (bindings.some((b) => b.featureId === MIKOPBX_FEATURE_ID)) warnings.push(own ? own.feature33 : m.drop.feature33);
  const others = [...new Set(bindings.filter((b) => b.productId !== MIKOPBX_PRODUCT_ID).map((b) => `${b.productName} (${b.featureId})`))];
  if (others.length > 0) warnings.push(own ? own.otherProducts(others.join(', ')) : m.drop.otherProducts(others.join(', ')));
  return warnings;
}

/**
 * The question before a drop, for a dialog `width` cells wide: what goes (at most `maxItems`
 * lines of it), what it means, the warnings (wrapped: the dialog cuts long lines). Default No.
 */
export function dropConfirmRequest(plan: DropPlan, wholeHost: boolean, m: SessionMessages, language: Language, width: number, maxItems = 6, ownHost?: { hostId: string; texts: OwnHostMessages }): ConfirmRequest {
  const host = plan.hosts[0]!;
  const first = plan.bindings[0]!;
  // This PBX's own host: the dialog says so ("this PBX loses ..."), not "that PBX".
  const own = ownHost !== undefined && host.hostId === ownHost.hostId ? ownHost.texts : undefined;
  const featureLine = m.featureLine(first.featureName, first.featureId, first.host);
  const title = wholeHost ? (own ? own.hostTitle(host.host, plan.bindings.length) : m.drop.hostTitle(host.host, plan.bindings.length)) : own ? own.bindingTitle(featureLine) : m.drop.bindingTitle(featureLine);
  const shown = plan.bindings.length > maxItems ? plan.bindings.slice(0, maxItems - 1) : plan.bindings;
  const items = shown.map((b) => m.drop.item(b.featureName, b.featureId, localDateTime(b.start, language)));
  if (shown.length < plan.bindings.length) items.push(m.drop.more(plan.bindings.length - shown.length));
  return {
    title,
    message: [...items, m.drop.effect],
    // Border and padding take 4 cells, the warning sign and its space 2 more.
    warnings: dropWarningLines(plan.bindings, m, own).flatMap((w) => wrapText(w, width - 6)),
    confirmLabel: m.drop.confirm,
    defaultChoice: 'cancel',
    width,
  };
}
