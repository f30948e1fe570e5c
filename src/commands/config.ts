import type { Command } from 'commander';
import { ValidationError, reason } from '../domain/errors.js';
import { currentMessages } from '../i18n/catalogs.js';
import { LANGUAGES, parseLanguage, type Language } from '../i18n/language.js';
import { auditDetail } from '../domain/audit-words.js';
import { appendAudit } from '../store/pbx-store.js';
import { runCommandAction } from './output.js';

/** The settings `config` reads and changes. */
const SETTINGS = ['language'] as const;
type Setting = (typeof SETTINGS)[number];

function settingOf(key: string): Setting {
  if ((SETTINGS as readonly string[]).includes(key)) return key as Setting;
  throw new ValidationError(reason('config_key_unknown', { key, known: [...SETTINGS] }), 'key');
}

/** `ru`, `en` (or `ru_RU.UTF-8`), or `auto`: null, the locale decides. */
function languageValue(value: string): Language | null {
  if (value.trim().toLowerCase() === 'auto') return null;
  const language = parseLanguage(value);
  if (!language) throw new ValidationError(reason('config_value_invalid', { key: 'language', value, allowed: [...LANGUAGES, 'auto'] }), 'value');
  return language;
}

/** `pbxmod config get|set`: this PBX's settings for pbxmod, kept in the store. */
export function registerConfigCommands(program: Command): void {
  const words = currentMessages().cli.config;
  const config = program.command('config').description(words.description);

  config
    .command('get')
    .description(words.get.description)
    .argument('<key>', words.get.key)
    .action((key: string, _options: unknown, command: Command) =>
      runCommandAction(command, async (ctx) => {
        settingOf(key);
        const { settings } = await ctx.store.read();
        return { json: { language: settings.language }, text: currentMessages().cli.config.language(settings.language) };
      }),
    );

  config
    .command('set')
    .description(words.set.description)
    .argument('<key>', words.set.key)
    .argument('<value>', words.set.value)
    .action((key: string, value: string, _options: unknown, command: Command) =>
      runCommandAction(command, async (ctx) => {
        settingOf(key);
        const language = languageValue(value);
        await ctx.store.update((state) => {
          state.settings.language = language;
          appendAudit(state, { action: 'config.set', target: 'language', outcome: 'ok', ...auditDetail('language', { language: language ?? null }) });
        });
        return { json: { language }, text: currentMessages().cli.config.languageSet(language) };
      }),
    );
}
