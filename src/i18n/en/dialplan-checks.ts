/**
 * What the dialplan checker says about a line of an application: what Asterisk does with it and
 * how to fix it (src/dialplan/generate.ts), and the warnings Asterisk would log reading the file
 * (src/dialplan/asterisk-config-reader.ts). The checker gives ids and values; the words are here.
 * Quoted Asterisk log messages ("Invalid priority/label") stay as Asterisk writes them.
 */

/** 8189 → "8,189". */
const bytes = (n: number) => n.toLocaleString('en-US');

export const dialplanChecks = {
  /** `line 3: reason: text`; a problem of the application as a whole is its reason alone. */
  line: (p: { line: number; reason: string; text: string }) => `line ${p.line}: ${p.reason}${p.text ? `: ${p.text}` : ''}`,
  /** A problem of the hint line. */
  hint: (p: { reason: string }) => `the hint: ${p.reason}`,
  /** Between the reasons of one line. */
  separator: '; ',

  checks: {
    type_not_generated: (p: { type: string }) => `type "${p.type}" is not php or plaintext, so no dialplan is generated`,
    no_lines: (p: { extension: string }) => `there are no dialplan lines, so a call to ${p.extension} finds nothing to run; add e.g. 1,Answer()`,
    no_priority_one: (p: { extension: string }) => `no line has priority 1, where a call to ${p.extension} starts; begin with e.g. 1,Answer()`,
    hint_on_pattern: (p: { extension: string }) =>
      `the hint is not written: Asterisk uses a hint on an exact number only, and ${p.extension} is a pattern no dialled number equals; give the application an exact number, or leave the hint empty`,
    nul: () => 'it holds a NUL character: Asterisk stops reading the line there, and in a long line reads what follows as a line of its own; remove it',
    too_long: (p: { bytes: number; max: number; joinsAbove: boolean }) =>
      `the line is ${bytes(p.bytes)} bytes as written; Asterisk skips a line longer than ${bytes(p.max)} bytes (${bytes(p.max + 1)} with its newline: "Line too long, skipping")${p.joinsAbove ? ', and the lines after it would join the application above this one in the file' : ''}. Split it, or move the work into a script`,
    swallowed: () => 'Asterisk skips this line too: the too-long line before it ended exactly where one of its reads did',
    close_outside_comment: () => '"--;" outside a block comment: Asterisk then counts every later line of the file as a comment, other applications included; write "-- ;" or "--\\;"',
    text_after_close: () => 'the text after "--;" is read as a line of its own, outside this application; put it on the next line',
    comment_never_closed: () => '";--" opens a block comment that is never closed: Asterisk would skip everything after it in the file, other applications included; close it with "--;", or write "; --" or "\\;--" for plain text',
    too_many_nested: (p: { max: number }) => `more than ${p.max} nested ";--" block comments: Asterisk would loop on this line for ever`,
    /** `include` and friends (`known`), or a word Asterisk does not know ("Unknown directive"). */
    read_as_context_line: (p: { name: string; known: boolean }) =>
      `Asterisk reads it as a ${p.known ? `"${p.name}" line` : `Unknown directive: ${p.name}`} of the context, not as a line of this application`,
    added_to_application_above: () => 'Asterisk adds it to the application above this one in the file, not to this application',
    added_to_other_extension: (p: { extension: string }) => `Asterisk adds it to extension ${p.extension}, not to this application`,
    counts_on_from_above: (p: { example: string }) =>
      `n (or s) here counts on from the application above this one in the file, since no earlier line of this one was loaded; give the line a number, e.g. 1,${p.example}`,
    priority_read_as: (p: { priority: string }) => `Asterisk reads this priority as ${p.priority} and ignores the rest of it`,
    odd_offset: (p: { offset: string }) => `Asterisk reads "+${p.offset}" as a number with atoi(); write +1, +2...`,
    after_label: (p: { text: string }) => `Asterisk ignores "${p.text}" after the label's ")"`,
    label_in_use: (p: { label: string }) => `label "${p.label}" is already used at another priority of this application: Asterisk drops the label from this line ("already in use")`,
    arguments_cut: (p: { end: string }) => `";" starts a comment in Asterisk, so the arguments end at "${p.end}"; write \\; for a semicolon`,
    tail_dropped: (p: { tail: string }) => `Asterisk drops "${p.tail}" after the last ")"`,
    no_application: () => 'no application after the priority: a call stops here; write e.g. n,Hangup()',
    bad_application_name: (p: { name: string }) => `"${p.name}" cannot be an application's name, so a call stops here ("No application"); write e.g. n,Playback(hello-world)`,
    hint_cut: (p: { end: string }) => `";" starts a comment in Asterisk, so the hint ends at "${p.end}"; write \\; for a semicolon`,
    hint_before_parenthesis: (p: { kept: string }) => `Asterisk keeps only "${p.kept}", what comes before "("`,
    hint_read_as: (p: { read: string }) => `Asterisk reads the hint as "${p.read}"`,
    prefix_written: () => 'write only what follows "exten => _NUMBER," (e.g. n,Playback(hello-world)); the preview adds the prefix itself',
    no_priority: (p: { body: string }) => `no priority: start the line with 1, n or n(label) and a comma, e.g. n,${p.body}; Asterisk drops it ("Invalid priority/label")`,
    not_a_priority: (p: { field: string }) =>
      `"${p.field}" is not a priority (a number from 1, n, s, or a label of this application): Asterisk drops the line ("Invalid priority/label"); e.g. n,Playback(hello-world)`,
    priority_below_one: () => 'priorities start at 1: Asterisk drops the line ("Invalid priority")',
    label_unclosed: () => 'the label has no closing ")": Asterisk drops the line ("Label missing trailing \')\'"); write e.g. n(retry),Wait(1)',
    /** `priority` null: the hint's place. */
    priority_in_use: (p: { priority: number | null }) => `that ${p.priority === null ? 'hint' : `priority ${p.priority}`} is already used by an earlier line: Asterisk drops this one ("already in use"); write n, or another number`,
    priority_zero: () => 'the priority works out to 0, so Asterisk adds nothing (and says nothing); give the line a number',
    asterisk_drops: (p: { log: string }) => `Asterisk drops the line: ${p.log}`,
    script_empty: () => 'the script is empty, so a call is hung up at once; write the PHP-AGI script',
    no_php_tag: () => 'there is no "<?php" tag, so PHP would send the text to Asterisk instead of running it; start the script with <?php',
    /** `php -l`'s own words (php's output is php's, not ours to translate). */
    php_lint: (p: { message: string }) => p.message,
    bad_uniqid: (p: { uniqid: string }) => `its id "${p.uniqid}" is not DIALPLAN- and 8 hex digits; it was left out`,
    bad_extension: (p: { extension: string }) => `its number "${p.extension}" is not a valid dialplan number; it was left out`,
    duplicate_extension: (p: { extension: string }) => `another application already has number ${p.extension}; this one was left out`,

    // What Asterisk logs reading the file (config.c), for the lines it skips.
    config_line_too_long: (p: { lineno: number }) => `Line ${p.lineno} too long, skipping`,
    config_no_equal_sign: (p: { line: number }) => `No '=' (equal sign) in line ${p.line}`,
    config_no_variable_name: (p: { line: number }) => `No variable name in line ${p.line}`,
    config_no_closing_bracket: (p: { line: number }) => `parse error: no closing ']', line ${p.line}`,
    config_no_category: (p: { line: number }) => `parse error: No category context for line ${p.line}`,
  },
};

export type DialplanCheckCatalog = typeof dialplanChecks.checks;
export type DialplanCheckId = keyof DialplanCheckCatalog;

/** A finding as a reason carries it (src/dialplan/checks.ts): an id of `checks` and its values. */
export interface CheckFound {
  readonly id: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** The words of a line's findings in one language's section (an id it lacks is shown as itself). */
export function checksWords(section: { checks: Record<string, unknown>; separator: string }, found: readonly CheckFound[]): string {
  return found
    .map(({ id, params }) => {
      const entry = section.checks[id];
      return typeof entry === 'function' ? String((entry as (p: unknown) => unknown)(params)) : id;
    })
    .join(section.separator);
}
