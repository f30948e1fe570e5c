import { createHash } from 'node:crypto';
import type { ModuleLicense } from './catalog.js';
import type { ZipEntry } from './archives.js';

/**
 * The demo catalog the service offers until a real one is configured: the modules of
 * `shared/fixtures/module-manifests` (real ids, developers, minimum PBX versions, license ids)
 * with invented but plausible releases. Everything here is deterministic, so every instance
 * builds the same archives.
 */

export interface DemoRelease {
  version: string;
  /** ISO date. */
  date: string;
  minPbxVersion: string;
  changelog: string;
}

export interface DemoModule {
  id: string;
  name: string;
  description: string;
  developer: string;
  supportEmail: string;
  license: ModuleLicense | null;
  moduleType?: string;
  eula: string | null;
  /** Further module.json fields of the real manifest (wiki links, language code...). */
  manifestExtras: Record<string, unknown>;
  /** Oldest first. */
  releases: DemoRelease[];
  /** Bytes of bundled assets, so archives have a realistic weight (download progress). */
  assetBytes: number;
}

/** MikoPBX itself: the product every registration trial is for (SPEC §3). */
export const MIKOPBX_LICENSE: ModuleLicense = { productId: 1, productName: 'MikoPBX', featureId: 33, featureName: 'MikoPBX free license' };

const paidEula = (name: string): string =>
  [
    `END USER LICENSE AGREEMENT — ${name}`,
    '',
    `1. MIKO LLC grants the licensee a non-exclusive right to use ${name} on the number of PBX hosts the license key holds seats for.`,
    '2. The module is licensed, not sold. A trial license lasts 14 days; a paid license lasts for the term bought.',
    '3. The licensee may not decompile, resell or pass the module on to third parties.',
    '4. The module is provided "as is"; MIKO answers support requests at help@miko.ru.',
    '5. Installing the module means accepting this agreement.',
  ].join('\n');

export const DEMO_MODULES: readonly DemoModule[] = [
  {
    id: 'ModuleTemplate',
    name: 'Module template',
    description: 'A skeleton module for developers: settings page, database model, REST endpoint and dialplan hook.',
    developer: 'MIKO',
    supportEmail: 'help@miko.ru',
    license: null,
    eula: null,
    manifestExtras: {},
    assetBytes: 12_000,
    releases: [
      { version: '1.80', date: '2024-03-12', minPbxVersion: '2023.2.150', changelog: 'Settings form rewritten on the new form API.\nREST endpoint example.' },
      { version: '1.81', date: '2024-09-30', minPbxVersion: '2023.2.150', changelog: 'Fixed the database migration on upgrade.\nPHP 8.3 compatibility.' },
    ],
  },
  {
    id: 'ModuleUsersUI',
    name: 'Users UI',
    description: 'Access control for the web interface: user groups, roles and per-section rights for administrators and operators.',
    developer: 'MIKO',
    supportEmail: 'help@miko.ru',
    license: { productId: 127, productName: 'Users UI', featureId: 51, featureName: 'ModuleUsersUI' },
    eula: paidEula('Users UI'),
    manifestExtras: {
      wiki_links: {
        ru: { 'https://wiki.mikopbx.com/module-users-u-i': 'https://docs.mikopbx.ru/mikopbx/modules/miko/module-users-u-i' },
        en: { 'https://wiki.mikopbx.com/module-users-u-i': 'https://docs.mikopbx.com/mikopbx/english/modules/miko/module-users-u-i' },
      },
    },
    assetBytes: 64_000,
    releases: [
      { version: '1.80', date: '2025-02-10', minPbxVersion: '2025.1.1', changelog: 'LDAP groups map to roles.\nAudit of sign-ins.' },
      { version: '1.81', date: '2025-05-21', minPbxVersion: '2025.1.1', changelog: 'Fixed access to call recordings for operators.' },
      { version: '1.90', date: '2026-02-02', minPbxVersion: '2026.1.1', changelog: 'New rights editor for MikoPBX 2026.1.\nTwo-factor sign-in.' },
    ],
  },
  {
    id: 'ModuleBitrix24Integration',
    name: 'Bitrix24 integration',
    description: 'Connects the PBX to Bitrix24 CRM: call cards, call recording upload, lead creation and responsible-manager routing.',
    developer: 'MIKO',
    supportEmail: 'help@miko.ru',
    license: { productId: 31, productName: 'Bitrix24 integration', featureId: 41, featureName: 'Bitrix24 integration' },
    eula: paidEula('Bitrix24 integration'),
    manifestExtras: {
      wiki_links: {
        ru: { 'https://wiki.mikopbx.com/module-bitrix24-integration': 'https://docs.mikopbx.com/mikopbx/modules/miko/module-bitrix24-integration' },
        en: { 'https://wiki.mikopbx.com/module-bitrix24-integration': 'https://docs.mikopbx.com/mikopbx/v/english/modules/miko/module-bitrix24-integration' },
      },
    },
    assetBytes: 96_000,
    releases: [
      { version: '3.12', date: '2024-06-04', minPbxVersion: '2023.2.126', changelog: 'Call cards for transferred calls.\nRecording upload retries.' },
      { version: '3.14', date: '2025-03-17', minPbxVersion: '2024.1.114', changelog: 'OAuth token refresh without re-authorisation.\nLead source per trunk.' },
    ],
  },
  {
    id: 'ModuleBackup',
    name: 'Backup',
    description: 'Scheduled and on-demand backups of settings and call recordings to local disk, FTP, SFTP or WebDAV, and restore.',
    developer: 'MIKO',
    supportEmail: 'help@miko.ru',
    license: null,
    eula: null,
    manifestExtras: {
      wiki_links: {
        ru: { 'https://wiki.mikopbx.com/module-backup': 'https://docs.mikopbx.com/mikopbx/modules/miko/module-backup' },
        en: { 'https://wiki.mikopbx.com/module-backup': 'https://docs.mikopbx.com/mikopbx/v/english/modules/miko/module-backup' },
      },
    },
    assetBytes: 32_000,
    releases: [
      { version: '1.75', date: '2024-04-22', minPbxVersion: '2023.2.206', changelog: 'SFTP with key authentication.' },
      { version: '1.76', date: '2024-11-08', minPbxVersion: '2023.2.206', changelog: 'Restore shows progress.\nOld backups are rotated by count.' },
    ],
  },
  {
    id: 'ModuleAutoprovision',
    name: 'Autoprovision',
    description: 'Automatic configuration of IP phones (Yealink, Snom, Fanvil): templates, PnP discovery and per-extension settings.',
    developer: 'MIKO',
    supportEmail: 'help@miko.ru',
    license: null,
    eula: null,
    manifestExtras: {},
    assetBytes: 24_000,
    releases: [
      { version: '1.40', date: '2023-10-02', minPbxVersion: '2020.2.757', changelog: 'Fanvil templates.' },
      { version: '1.45', date: '2024-08-19', minPbxVersion: '2024.1.114', changelog: 'PnP discovery on several networks.\nTemplate variables for BLF keys.' },
    ],
  },
  {
    id: 'ModuleJapaneseLanguagePack',
    name: 'Japanese language pack',
    description: 'Japanese translation of the web interface and voice prompts.',
    developer: 'MIKO',
    supportEmail: 'help@miko.ru',
    license: null,
    moduleType: 'languagepack',
    eula: null,
    manifestExtras: { language_code: 'ja-jp' },
    assetBytes: 48_000,
    releases: [
      { version: '1.0', date: '2026-02-20', minPbxVersion: '2026.2.20', changelog: 'First release.' },
      { version: '1.1', date: '2026-03-05', minPbxVersion: '2026.2.20', changelog: 'Voice prompts for queues.' },
    ],
  },
];

/** The module.json of a release, as the release build writes it (version filled in). */
export function demoManifest(module: DemoModule, release: DemoRelease): Record<string, unknown> {
  const manifest: Record<string, unknown> = {
    developer: module.developer,
    moduleUniqueID: module.id,
    support_email: module.supportEmail,
    version: release.version,
    min_pbx_version: release.minPbxVersion,
  };
  if (module.license) {
    manifest.lic_product_id = module.license.productId;
    manifest.lic_feature_id = module.license.featureId;
  }
  if (module.moduleType) manifest.module_type = module.moduleType;
  return { ...manifest, ...module.manifestExtras };
}

/** Deterministic bytes that do not compress, standing in for images and sounds. */
function assetBytes(seed: string, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0, total = 0; total < length; i++) {
    const block = createHash('sha256').update(`${seed}:${i}`).digest();
    blocks.push(block);
    total += block.length;
  }
  return Buffer.concat(blocks).subarray(0, length);
}

/** A SQLite-looking placeholder for the module's database (what "keep settings" keeps). */
function databasePlaceholder(module: DemoModule, release: DemoRelease): Buffer {
  const db = Buffer.alloc(8192);
  db.write('SQLite format 3\0', 0, 'latin1');
  db.write(`${module.id} ${release.version} settings`, 100, 'utf8');
  return db;
}

/** Every file of a release's archive. */
export function demoModuleFiles(module: DemoModule, release: DemoRelease): ZipEntry[] {
  const ns = `Modules\\${module.id}`;
  const mtime = new Date(`${release.date}T12:00:00Z`);
  const files: ZipEntry[] = [
    { name: 'module.json', content: `${JSON.stringify(demoManifest(module, release), null, 4)}\n` },
    {
      name: 'README.md',
      content: `# ${module.name}\n\n${module.description}\n\nVersion ${release.version}, needs MikoPBX ${release.minPbxVersion} or newer.\n\n## Changes\n\n${release.changelog
        .split('\n')
        .map((l) => `- ${l}`)
        .join('\n')}\n\nSupport: ${module.supportEmail}\n`,
    },
    { name: 'Lib/', content: '' },
    {
      name: `Lib/${module.id}Conf.php`,
      content: `<?php\nnamespace ${ns}\\Lib;\n\nuse MikoPBX\\Modules\\Config\\ConfigClass;\n\nclass ${module.id}Conf extends ConfigClass\n{\n    public const VERSION = '${release.version}';\n\n    public function onAfterModuleEnable(): void\n    {\n    }\n}\n`,
    },
    { name: 'App/', content: '' },
    { name: 'App/Controllers/', content: '' },
    {
      name: `App/Controllers/${module.id}Controller.php`,
      content: `<?php\nnamespace ${ns}\\App\\Controllers;\n\nuse MikoPBX\\AdminCabinet\\Controllers\\BaseController;\n\nclass ${module.id}Controller extends BaseController\n{\n    public function indexAction(): void\n    {\n        $this->view->moduleVersion = '${release.version}';\n    }\n}\n`,
    },
    { name: 'Setup/', content: '' },
    {
      name: 'Setup/PbxExtensionSetup.php',
      content: `<?php\nnamespace ${ns}\\Setup;\n\nuse MikoPBX\\Modules\\Setup\\PbxExtensionSetupBase;\n\nclass PbxExtensionSetup extends PbxExtensionSetupBase\n{\n}\n`,
    },
    { name: 'Messages/', content: '' },
    { name: `Messages/${module.moduleType === 'languagepack' ? 'ja' : 'en'}.php`, content: `<?php\nreturn [\n    'mo_${module.id}' => '${module.name}',\n];\n` },
    { name: 'public/', content: '' },
    { name: 'public/assets/', content: '' },
    { name: `public/assets/${module.id}.bin`, content: assetBytes(`${module.id}@${release.version}`, module.assetBytes) },
    { name: 'db/', content: '' },
    { name: 'db/module.db', content: databasePlaceholder(module, release) },
  ];
  return files.map((f) => ({ ...f, mtime }));
}
