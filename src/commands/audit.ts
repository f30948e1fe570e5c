import type { Command } from 'commander';
import { currentMessages } from '../i18n/catalogs.js';
import { localTime } from '../domain/local-time.js';
import { runCommandAction } from './output.js';
import { formatTable, tableFitOf } from './text-table.js';

/** `pbxmod audit`: the audit log, newest first, the rotated files included. */
export function registerAuditCommand(program: Command): void {
  const m = currentMessages().screens.audit.command;
  program
    .command('audit')
    .description(m.description)
    .option('--since <when>', m.since)
    .option('--action <name>', m.action)
    .action((options: { since?: string; action?: string }, command: Command) =>
      runCommandAction(command, async (ctx, globals) => {
        const [{ filterAuditLog, parseSince }, { readAuditLog }, { auditActionText, auditDetailText }] = await Promise.all([
          import('../domain/audit-filter.js'),
          import('../store/audit-log.js'),
          import('../domain/audit-words.js'),
        ]);
        // A bad --since is refused before the store is read.
        const since = options.since === undefined ? undefined : parseSince(options.since);
        const all = await readAuditLog(ctx.dataDir, await ctx.store.read());
        const entries = filterAuditLog(all, { ...(since ? { since } : {}), ...(options.action ? { action: options.action } : {}) });
        const messages = currentMessages();
        const text = messages.screens.audit;
        if (entries.length === 0) {
          const actions = [...new Set(all.map((e) => e.action))].sort().join(', ');
          return { json: { entries: [] }, text: all.length === 0 ? text.command.empty : text.command.noMatch(actions) };
        }
        const table = formatTable(
          {
            header: text.command.header,
            keep: [0, 2, 4],
            rows: entries.map((e) => [localTime(e.at), e.who, e.action, e.target ?? '', text.outcome[e.outcome], auditDetailText(e, messages) ?? '']),
          },
          tableFitOf(globals),
        );
        // The stored fields as they are, and the detail and action in the language in use.
        const json = entries.map((e) => {
          const message = auditDetailText(e, messages);
          return { ...e, actionText: auditActionText(e.action, messages), ...(message !== undefined ? { message } : {}) };
        });
        return { json: { entries: json }, text: table };
      }),
    );
}
