import type { Language } from './language.js';

/**
 * The plural forms a catalog gives for a count; Intl.PluralRules picks one by the language's
 * rules (English: one/other; Russian: one/few/many — 1 модуль, 2 модуля, 5 модулей).
 */
export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

const rules = new Map<Language, Intl.PluralRules>();

/** The form of `forms` for `count` in `language` (the count itself is not added). */
export function pluralForm(language: Language, count: number, forms: PluralForms): string {
  let rule = rules.get(language);
  if (!rule) rules.set(language, (rule = new Intl.PluralRules(language)));
  const category = rule.select(count);
  return (category === 'one' || category === 'few' || category === 'many' ? forms[category] : undefined) ?? forms.other;
}
