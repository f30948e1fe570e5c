import { hostname, userInfo } from 'node:os';
import { DEMO_MODULES, MIKOPBX_LICENSE } from '../../src/licensing/service/catalog/demo-catalog.js';
import { builtInDialplanApplications } from '../../src/store/seed-data.js';

/**
 * Latin words a Russian console may show, and why:
 * - names: the program, the product, the vendor's key and coupon masks (MIKO-XXXXX-...);
 * - key names as printed on the keys (Esc, Enter, Tab, Ctrl, PgUp...): an administrator looks
 *   for the key cap, not for a translation of it;
 * - protocol and format codes (DNS, TCP, TLS, HTTP, OSC 52, MAC, PHP-AGI, BLF, zip) and the
 *   two dialplan application types as the PBX names them (php, plaintext);
 * - the Asterisk dialplan the preview generates and the device states of a hint (code);
 * - the language key's label "English": each language is named in itself, so that someone who
 *   cannot read this one finds theirs.
 * Data from outside the catalog (module names and descriptions of the demo marketplace, the
 * built-in dialplan applications, this host and user) comes from `dataWords()`.
 */
const NAMES_AND_CODES = [
  'pbxmod', 'MikoPBX', 'MIKO', 'MIKOUPD', 'XXXXX', 'English',
  'Esc', 'Enter', 'Tab', 'Shift', 'Ctrl', 'PgUp', 'PgDn', 'Home', 'End', 'Space', 'Del', 'Backspace',
  'DNS', 'TCP', 'TLS', 'HTTP', 'SSH', 'OSC', 'MAC', 'PHP', 'AGI', 'BLF', 'EDITOR', 'zip', 'Zip', 'php', 'plaintext',
  'exten', 'same', 'Hangup', 'Answer', 'Playback', 'hello', 'world', 'DIALPLAN', 'CALLERID', 'num', 'Custom', 'PJSIP',
];

/** Words of the data the console shows as it is (demo marketplace, built-in applications, host). */
export function dataWords(): string[] {
  const texts: string[] = [hostname(), userInfo().username, MIKOPBX_LICENSE.productName, MIKOPBX_LICENSE.featureName];
  for (const m of DEMO_MODULES) {
    texts.push(m.id, m.name, m.description, m.developer, m.supportEmail, m.eula ?? '', ...m.releases.map((r) => r.changelog));
    if (m.license) texts.push(m.license.productName, m.license.featureName);
  }
  for (const a of builtInDialplanApplications()) texts.push(a.name, a.description, a.code);
  return texts.flatMap((text) => text.match(/[A-Za-z]+/g) ?? []);
}

const allowed = new Set([...NAMES_AND_CODES, ...dataWords()]);

/**
 * The Latin words of `text` that are neither names nor codes: what is left untranslated.
 * Spans that are code as a whole go first: `backticked` command lines, --flags, e-mail
 * addresses, file names and paths (module.json, /tmp/ModuleBackup.zip, agi-bin/...).
 */
export function englishWords(text: string): string[] {
  const prose = text
    .replace(/`[^`]*`/g, ' ')
    .replace(/\b[a-z]+:\/\/\S+/g, ' ')
    // The names of the programs: pbxmod, pbxmod-licensing (the service, as its ping names it).
    .replace(/pbxmod(?:-[a-z]+)*/g, ' ')
    .replace(/--[a-z][a-z-]*/g, ' ')
    .replace(/\S+@\S+/g, ' ')
    // Host ids as the session monitor shortens them (eabc5279): hex with a digit in it.
    .replace(/\b(?=[0-9a-f]*\d)[0-9a-f]{6,}\b/gi, ' ')
    // MAC addresses (02:fc:00:00:00:01).
    .replace(/\b(?:[0-9a-f]{2}:){5}[0-9a-f]{2}\b/gi, ' ')
    // License keys and coupons, masked or not: MIKO-*****-*****-*****-AB12C.
    .replace(/MIKO(?:UPD)?-[\w*?-]+/g, ' ')
    // ... or their end, after a one-line toast cut out the middle of its message.
    .replace(/\w*(?:-\*{5})+-\w+/g, ' ')
    .replace(/[\w.-]*\/[\w./?-]*/g, ' ')
    .replace(/[\w.-]+\.(?:jsonl?|zip|php)\b/g, ' ')
    // Audit action codes, shown in brackets after their words: (module.enable), as --action takes them.
    .replace(/\((?:modules?|dialplan|license|sessions|config)\.[a-z-]+\)/g, ' ')
    // Words cut by an ellipsis at a column's edge: only their whole form can be looked up.
    .replace(/[A-Za-z]+…/g, (cut) => (isCutAllowed(cut.slice(0, -1)) ? ' ' : cut));
  const found = prose.match(/[A-Za-z]{2,}/g) ?? [];
  return [...new Set(found.filter((word) => !allowed.has(word)))];
}

/** A word cut at a column's edge is allowed when an allowed word starts with it. */
function isCutAllowed(start: string): boolean {
  for (const word of allowed) if (word.startsWith(start)) return true;
  return false;
}
