/**
 * The command line's words, in English: --help of every command (descriptions of commands,
 * options and arguments), commander's own words (headings, usage errors), and every result,
 * table, prompt and confirmation the commands print. Errors are in `errors/` (by id).
 *
 * Commander's English usage errors are matched by `commands/commander-words.ts` and said again
 * with these entries; the English ones reproduce commander's wording exactly.
 */
export const cli = {
  /** Commander's own words in --help. */
  help: {
    usage: 'Usage:',
    arguments: 'Arguments:',
    options: 'Options:',
    globalOptions: 'Global Options:',
    commands: 'Commands:',
    /** The placeholders commander puts in usage lines. */
    optionsPlaceholder: '[options]',
    commandPlaceholder: '[command]',
    helpOption: 'display help for command',
    helpCommand: 'display help for command',
    defaultValue: (value: string) => `default: ${value}`,
    afterError: '(run `pbxmod --help` for the commands)',
  },

  /** Commander's usage errors (exit 2). */
  usage: {
    unknownOption: (flag: string) => `error: unknown option '${flag}'`,
    unknownCommand: (name: string) => `error: unknown command '${name}'`,
    missingArgument: (name: string) => `error: missing required argument '${name}'`,
    optionMissingArgument: (flags: string) => `error: option '${flags}' argument missing`,
    missingMandatoryOption: (flags: string) => `error: required option '${flags}' not specified`,
    tooManyArguments: (command: string | null, expected: number, got: number) =>
      `error: too many arguments${command ? ` for '${command}'` : ''}. Expected ${expected} argument${expected === 1 ? '' : 's'} but got ${got}.`,
    didYouMean: (names: string, count: number) => (count === 1 ? `(Did you mean ${names}?)` : `(Did you mean one of ${names}?)`),
    controlCharacterInOption: (flag: string, shown: string) =>
      `The value of ${flag} holds a control character: "${shown}". Type it again without control characters (a Backspace, arrow key or escape sequence may have slipped in).`,
    controlCharacterInArgument: (index: number, shown: string) =>
      `Argument ${index} holds a control character: "${shown}". Type it again without control characters (a Backspace, arrow key or escape sequence may have slipped in).`,
  },

  program: {
    description: 'Terminal console for the MikoPBX Modules section, and its licensing service.\nWith no command, opens the full-screen console.',
    version: 'print the version, the commit it was built from, and the runtime',
  },

  /** The options every command and the console share, by flag. */
  globalOptions: {
    '--data-dir': 'where the PBX store lives (default $PBXMOD_DATA_DIR, $XDG_DATA_HOME/pbxmod)',
    '--api': 'licensing service URL (default $PBXMOD_API_URL; none = start one on loopback)',
    '--json': 'print results as JSON (commands only)',
    '--size': 'terminal size when the terminal reports none (serial lines)',
    '--ascii': 'plain ASCII borders and symbols, for consoles without Unicode',
    '--readonly': 'look, change nothing: commands that change something are refused (exit 2), the console offers no changing key (also PBXMOD_READONLY=1)',
    '--wide': 'text tables show every value whole instead of fitting the terminal width',
    '--lang': "language: ru or en (default: the store's setting, then LC_ALL / LC_MESSAGES / LANG)",
  },

  /** Shared by several commands. */
  common: {
    yes: 'do not ask',
    confirmKeys: '[y/N]',
    /** Answers that confirm, lower case. */
    yesAnswers: ['y', 'yes'],
    moduleId: 'module id',
    moduleIds: 'module ids',
    keyOption: 'log in with another key: "-" reads it from standard input or a prompt (an argument shows in ps)',
    keyFileOption: 'log in with the key in this file',
    couponOption: 'log in with a coupon activated earlier',
    keyOnCommandLine:
      'pbxmod: warning: a key given on the command line is visible to every user of this machine (ps, shell history). Pipe it instead (echo KEY | pbxmod ...), or use --key-file FILE.',
    keyPrompt: 'License key: ',
    keyArgumentName: 'the KEY argument',
    codeFromTerminal: 'Reading the code from the terminal; end it with Ctrl-D.',
  },

  license: {
    description: 'marketplace registration, license key and coupons',
    register: {
      description: 'register this PBX in the module marketplace: issues a key and a 30-day trial',
      company: 'company name',
      email: 'contact email',
      contact: 'contact person',
      phone: 'phone (optional)',
      inn: 'company identifier: tax id such as INN/VAT, 10-12 digits (optional)',
      done: 'Registered.',
    },
    setKey: {
      description:
        'save a license key you already have (checked with the service first); the key comes from standard input (echo KEY | pbxmod license set-key), --key-file, or a prompt',
      key: 'MIKO-XXXXX-XXXXX-XXXXX-XXXXX, or "-" for standard input; an argument shows in ps, so prefer standard input',
      keyFile: 'read the key from this file',
      done: 'License key saved.',
    },
    show: {
      description: 'the license key (masked) and what it licenses',
      reveal: 'show the whole key',
      notRegistered:
        'Not registered in the marketplace.\nRegister with `pbxmod license register --company ... --email ... --contact ...`, or save a key with `pbxmod license set-key KEY`.',
      key: (key: string, revealed: boolean) => `License key  ${key}${revealed ? '' : '  (--reveal shows it)'}`,
    },
    savedKey: (masked: string) => `License key  ${masked}  (\`pbxmod license show --reveal\` shows it)`,
    coupon: {
      description: 'activate a coupon on the saved key',
      code: 'MIKOUPD-XXXXX-XXXXX-XXXXX-XXXXX',
      done: 'Coupon activated.',
    },
    diagnose: {
      description: 'check the connection to the licensing service: DNS, TCP, TLS, HTTP ping',
      title: (url: string, embedded: boolean) => `Licensing service ${url}${embedded ? ' (the embedded one, on loopback)' : ''}`,
      ok: 'ok  ',
      failed: 'FAIL',
      step: {
        dns: (target: string) => `DNS lookup of ${target}`,
        tcp: (target: string) => `TCP connect to ${target}`,
        tls: (target: string) => `TLS handshake with ${target}`,
        http: (target: string) => `HTTP ping ${target}`,
      },
      /** What a step found when it succeeded (`value`: address, host:port, TLS version, service name). */
      found: {
        dns: (value: string) => value,
        tcp: (value: string) => `connected to ${value}`,
        tls: (value: string) => `${value}, certificate valid`,
        http: (value: string) => `${value} answered`,
      },
      ms: (ms: number) => `${ms} ms`,
    },
    reset: {
      description: 'remove the license key from this PBX (cancels the registration)',
      none: 'none',
      confirm: (key: string) => `Reset the license key ${key}? This cancels the marketplace registration of this PBX.`,
      done: (released: number) => `License key removed; ${released} binding(s) of this host released.`,
    },
    check: {
      description: 're-check the licenses of enabled paid modules now; disables those without one (for cron)',
      unreachable: (why: string) => `Licenses were not checked: ${why}\nNo module was changed; the check runs again later.`,
      nothing: 'No enabled paid module: nothing to check.',
      checked: (count: number) => `Checked ${count} enabled paid module(s).`,
      disabled: (id: string, why: string) => `  ${id} disabled (DisabledByLicense): ${why}`,
      allLicensed: '  All licensed.',
    },
    /** The license as `show`, `register`, `set-key` and `coupon` print it. */
    owner: (company: string, contacts: string) => `Owner        ${company}: ${contacts}`,
    noProducts: 'Products     none',
    product: (name: string, term: string) => `Product      ${name}: ${term}`,
    featureIndent: '               ',
    /** "1 license for MikoPBX free license (33), 1 occupied" — the vendor's wording. */
    seats: (count: number, feature: string, featureId: number, captured: number) =>
      `${count} ${count === 1 ? 'license' : 'licenses'} for ${feature} (${featureId}), ${captured} occupied`,
    term: (trial: boolean, expires: string, daysLeft: number) => `${trial ? 'trial, ' : ''}expires ${expires} (${daysLeft} day${daysLeft === 1 ? '' : 's'} left)`,
    expired: (trial: boolean, expired: string) => `${trial ? 'trial ' : ''}EXPIRED on ${expired}`,
  },

  modules: {
    description: 'installed modules and the module marketplace',
    list: {
      description: 'installed modules',
      updates: 'also ask the marketplace which modules have a newer release',
      empty:
        'No module is installed.\nSee what the marketplace offers with `pbxmod modules available`; paid modules need a license key (`pbxmod license register`).',
      header: ['ID', 'VERSION', 'STATE', 'NAME'],
    },
    available: {
      description: 'modules the marketplace offers for this PBX version',
      empty: 'The marketplace offers no module for this PBX version.',
      header: ['ID', 'VERSION', 'LICENSE', 'SIZE', 'INSTALLED', 'NAME'],
      free: 'free',
      paid: 'paid',
      update: ' (update)',
    },
    info: {
      description: 'a module: description, releases with changelog, EULA',
      id: 'module id, e.g. ModuleBackup',
      developer: (developer: string, email: string, license: string) => `  Developer ${developer} <${email}>, ${license}`,
      free: 'free',
      paid: (productId: number, featureId: number) => `paid (product ${productId}, feature ${featureId})`,
      installed: (what: string | null) => `  Installed: ${what ?? 'no'}`,
      updateAvailable: (version: string) => ` — update to ${version} available`,
      releases: 'Releases:',
      release: (version: string, date: string, size: string, minPbx: string) => `  ${version}  ${date}  ${size}  needs MikoPBX ${minPbx}`,
      eula: 'EULA:',
      noRelease: 'The marketplace has no release of it for this PBX version.',
    },
    install: {
      description: 'install a module from the marketplace, or from a zip file with --file',
      id: 'module id from `pbxmod modules available`',
      release: 'release to install (default the newest this PBX can run)',
      file: "install from a module zip on this PBX's disk",
      yes: "do not ask (a paid module's trial, a license agreement to accept)",
    },
    update: {
      description: 'update modules (or roll one back with --release), or every module with --all',
      release: 'release to go to: newer, or older to roll back (one module)',
      yes: 'do not ask (a roll back, the list of --all)',
      all: 'update every module the marketplace has a newer release of',
      upToDate: 'Every installed module is up to date.',
      done: (id: string, from: string, to: string) => `${id}: ${from} -> ${to}`,
      failed: (id: string, from: string, to: string, why: string) => `${id}: ${from} -> ${to} FAILED: ${why}`,
    },
    enable: { description: 'enable modules (a paid one binds a seat of its license to this PBX)', done: (id: string) => `${id} is enabled.` },
    disable: {
      description: 'disable modules; --all disables every enabled one and remembers them for `modules restore` (safe mode)',
      all: 'safe mode: disable every enabled module; works without the licensing service',
      done: (id: string) => `${id} is disabled.`,
    },
    restore: { description: 'enable again exactly the modules `modules disable --all` disabled, then forget them' },
    remove: {
      description: 'delete modules; their settings are kept for a later install unless --purge',
      purge: 'delete their settings too (also those kept from earlier deletes)',
      confirm: (id: string, purge: boolean) => (purge ? `Delete ${id} and its settings?` : `Delete ${id}? Its settings are kept for a later install.`),
      done: (id: string, version: string, settings: 'kept' | 'deleted' | 'none') =>
        `${id} ${version} was deleted.${settings === 'kept' ? ' Its settings were kept and come back when it is installed again.' : settings === 'deleted' ? ' Its settings were deleted.' : ''}`,
    },
    result: {
      unchanged: (id: string, version: string) => `${id} ${version} is installed already; nothing to do.`,
      installed: (id: string, version: string) => `${id} ${version} installed (disabled; enable it with \`pbxmod modules enable ${id}\`).`,
      updated: (id: string, from: string, to: string, enabled: boolean) => `${id} updated from ${from} to ${to}; ${enabled ? 'enabled' : 'disabled'}, settings kept.`,
      settingsRestored: 'Settings kept from an earlier delete were restored.',
      disabledByLicense: (why: string) => `It stays disabled (DisabledByLicense): ${why}`,
    },
    state: {
      enabled: 'enabled',
      disabled: 'disabled',
      license: (why: string | null) => `disabled: license${why ? ` (${why})` : ''}`,
      error: 'disabled: error',
      crashLoop: 'disabled: crash loop',
    },
    progress: (percent: number, done: string, total: string) => ` ${percent}% (${done} of ${total})`,
  },

  sessions: {
    description: 'session monitor: license bindings of the key, by host',
    list: {
      description: 'live bindings grouped by host',
      host: (host: string, net: string, hostId: string) => `${host}  ${net}  (host id ${hostId})`,
      binding: (who: string, captured: string, what: string, id: string) => `  ${who}  captured ${captured}  ${what}  [binding ${id}]`,
      empty: 'No live bindings for this key.',
    },
    /** "MikoPBX free license (33) per: pbx-01" — a feature line of the session monitor. */
    bindingLine: (feature: string, featureId: number, host: string) => `${feature} (${featureId}) per: ${host}`,
    drop: {
      description: 'release the bindings of a host (or one binding) so another PBX can capture them',
      host: 'host name or host id, as `sessions list` shows',
      binding: 'drop only this binding of the host',
      confirm: (count: number, what: string) => `Drop ${count} binding(s): ${what}?`,
      done: (count: number, host: string) => `Released ${count} binding(s) from ${host}.`,
    },
    /** What dropping bindings costs (SPEC §4). */
    warnings: {
      mikoPbx: 'This drops feature 33 (MikoPBX free license): that PBX loses its marketplace license until it captures the seat again.',
      otherProducts: (list: string) => `This drops features of other products: ${list}. Their modules on that PBX will be disabled at the next license check.`,
    },
  },

  serve: {
    description: 'run the licensing service (keys, trials, coupons, seats, catalog); its data lives in <data-dir>/licensing',
    host: 'address to listen on',
    port: 'port to listen on (0 = any free one)',
    database: 'keep the data in PostgreSQL, postgres://user@host:port/db (default $PBXMOD_DATABASE_URL; none = licensing.json)',
    tokenFile: 'the operator token (default $PBXMOD_SERVICE_TOKEN, else <data-dir>/licensing/operator-token, made at first start)',
    secretFile: 'the secret that keys are hashed with (default $PBXMOD_SERVICE_SECRET, else <data-dir>/licensing/service-secret)',
    trialsPerAddress: 'new trial keys one address may get per day',
    registrationsPerAddress: 'registration attempts one address may make per hour',
    log: 'log every request (JSON lines on stdout)',
    everyAddress: (host: string, port: string, url: string) => `every address (${host}) port ${port}; here it is ${url}`,
    listening: (where: string, dataDir: string, storage: string) => `Licensing service listening on ${where} (data in ${dataDir}, ${storage}). Stop with Ctrl+C.`,
    stopped: 'Licensing service stopped.',
  },

  service: {
    description: 'operate a licensing service over its operator API: coupons, seats, the outbox (--api URL with its token, or the embedded one)',
    tokenFile: "the service token (default $PBXMOD_SERVICE_TOKEN; the embedded service's is found by itself)",
    coupon: {
      description: 'coupons that add a product license to a key',
      create: {
        description: 'make a coupon MIKOUPD-... for a product license',
        product: 'product id (1 MikoPBX, 127 Users UI, 31 Bitrix24 integration)',
        days: 'how long the license lasts',
        feature: "seats of a feature (repeatable); default one seat of each of the product's features",
        name: 'product name (needed for a product the catalog does not know)',
        seats: (count: number, feature: string, featureId: number) => `${count} × ${feature} (${featureId})`,
        done: (name: string, productId: number, days: number, seats: string) => `${name} (product ${productId}) for ${days} days: ${seats}.`,
      },
      block: { description: 'block a coupon: it can no longer be activated or used to log in', done: (coupon: string) => `Coupon ${coupon} is blocked.` },
    },
    seats: {
      description: "seats of a key's features",
      add: {
        description:
          'add seats of a feature to a product a key holds (e.g. more MikoPBX hosts: --product 1 --feature 33); the key comes from standard input, --key-file or a prompt',
        key: 'the license key; "-" reads it from standard input (an argument shows in ps: prefer --key-file)',
        keyFile: 'read the license key from this file',
        product: 'product id the key holds',
        feature: 'feature id',
        count: 'seats to add',
        done: (product: string, count: number, feature: string) => `${product}: ${count} seat(s) of ${feature} now.`,
      },
    },
    outbox: {
      description: 'the mail the service would have sent (keys to their owners), newest first',
      limit: 'how many messages',
      from: (created: string) => `From the service, ${created}`,
      to: (to: string) => `To: ${to}`,
      subject: (subject: string) => `Subject: ${subject}`,
      empty: 'The outbox is empty.',
    },
  },

  dialplan: {
    description: 'dialplan applications: numbers that run Asterisk dialplan lines or a PHP-AGI script',
    id: 'its number or DIALPLAN-… id',
    list: {
      description: 'list the applications: number, name, type, description',
      filter: 'only those whose number, name, type, description or code contains TEXT',
      header: { number: 'NUMBER', name: 'NAME', type: 'TYPE', description: 'DESCRIPTION' },
      noMatch: (filter: string) => `No dialplan application matches "${filter}".`,
      empty: 'No dialplan applications yet. Add one with `pbxmod dialplan add --name NAME`.',
    },
    show: {
      description: 'show one application with its code',
      idLabel: 'Id:           ',
      typeLabel: 'Type:         ',
      hintLabel: 'Hint:         ',
      descriptionLabel: 'Description:  ',
      none: '(none)',
      code: '--- code ---',
      empty: '(empty)',
      typeName: (type: string): string => (type === 'php' ? 'php (PHP-AGI script)' : 'plaintext (dialplan lines)'),
    },
    add: { description: 'add an application (the number defaults to the next free one from 2200100)' },
    edit: { description: 'change an application; only the fields given change', editor: 'edit the code in $VISUAL / $EDITOR (like git commit)' },
    copy: { description: 'copy an application to the next free number, named "… (copy)"' },
    rm: { description: 'delete an application (asks first)', confirm: (label: string) => `Delete dialplan application ${label}?`, done: (label: string) => `Deleted ${label}.` },
    export: {
      description: (file: string) => `write the [applications] context (${file}) and agi-bin/*.php scripts`,
      out: 'where to write (default: DATA_DIR/dialplan)',
      exported: (dir: string) => `Exported to ${dir}:`,
      removed: (count: number, names: string) => `Removed ${count} script(s) of deleted applications: ${names}`,
      include: (conf: string) => `Include it in extensions.conf with: #include ${conf}`,
      leftOut: (label: string) => `Left out: ${label} was not written, so that it cannot change the applications after it:`,
      fixLeftOut: (count: number) => `Fix the lines named above (pbxmod dialplan edit ID), then export again; the ${count === 1 ? 'application stays' : 'applications stay'} in the store meanwhile.`,
    },
    preview: {
      description: 'show the dialplan generated for an application, and what Asterisk makes of each line (--json: a verdict per line)',
      script: (file: string) => `; agi-bin/${file} (executable):`,
      notExportable: 'The export leaves this application out until the lines marked above are fixed: they would change the applications after it in the file.',
    },
    fields: {
      name: 'name shown in the list (required for add, up to 50 characters)',
      ext: 'the number to dial: digits and # + * | X, up to 64',
      type: 'php (a PHP-AGI script) or plaintext (dialplan lines); default php',
      codeFile: 'read the code from FILE; - reads standard input',
      description: 'up to 2000 characters',
      hint: 'device state hint, e.g. Custom:2200101 (up to 255)',
    },
    label: (number: string, name: string, id: string) => `${number} "${name}" (${id})`,
    added: (label: string, type: string) => `Added dialplan application ${label}, type ${type}.`,
    saved: (label: string, type: string) => `Saved dialplan application ${label}, type ${type}.`,
    copied: (label: string, type: string) => `Copied to dialplan application ${label}, type ${type}.`,
    unchanged: (label: string) => `No changes; ${label} was left as it was.`,
    php: (message: string, line: number | null) => `PHP syntax: ${message}${line !== null ? ` (line ${line} of the code)` : ''}`,
    checkThese: 'Check these; Asterisk would drop or misread them:',
  },

  config: {
    description: "this PBX's settings for pbxmod (kept in the store): language",
    get: { description: 'print a setting', key: 'the setting: language' },
    set: {
      description: 'change a setting; `language auto` lets the locale (LC_ALL / LC_MESSAGES / LANG) decide again',
      key: 'the setting: language',
      value: 'its value: ru, en or auto',
    },
    language: (value: string | null) => `language  ${value ?? 'auto (from the locale)'}`,
    languageSet: (value: string | null) =>
      value ? `Language set to ${value}: the console and the commands use it from their next start.` : 'Language set to auto: the locale (LC_ALL / LC_MESSAGES / LANG) decides from the next start.',
  },
};
