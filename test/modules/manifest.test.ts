import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ManifestError, isPaidModule, needsFeatureSeat, parseManifest } from '../../src/domain/manifest.js';

// Real vendor manifests, copied from the vendors' repositories (the tests read nothing outside this one).
const FIXTURES = resolve(import.meta.dirname, '../fixtures/module-manifests');

function refused(text: string, code: string, message: RegExp): void {
  assert.throws(
    () => parseManifest(text),
    (error: unknown) => {
      assert.ok(error instanceof ManifestError, String(error));
      assert.equal(error.code, code);
      assert.match(error.message, message);
      return true;
    },
  );
}

const base = { developer: 'MIKO', moduleUniqueID: 'ModuleX', support_email: 'help@miko.ru', version: '1.0', min_pbx_version: '2024.1.114' };
const json = (over: Record<string, unknown>, drop: string[] = []): string => {
  const data: Record<string, unknown> = { ...base, ...over };
  for (const key of drop) delete data[key];
  return JSON.stringify(data);
};

describe('module.json', () => {
  it('every real vendor manifest reads once the release build fills in the version', async () => {
    const files = (await readdir(FIXTURES)).filter((f) => f.endsWith('.json'));
    assert.ok(files.length >= 6);
    for (const file of files) {
      const text = (await readFile(join(FIXTURES, file), 'utf8')).replace('%ModuleVersion%', '1.81');
      const manifest = parseManifest(text);
      assert.equal(manifest.moduleUniqueID, file.replace('.json', ''));
      assert.equal(manifest.version, '1.81');
    }
  });

  it('reads the license ids of paid modules and ignores build settings', async () => {
    const users = parseManifest((await readFile(join(FIXTURES, 'ModuleUsersUI.json'), 'utf8')).replace('%ModuleVersion%', '2.0'));
    assert.equal(users.licProductId, 127);
    assert.equal(users.licFeatureId, 51);
    assert.ok(isPaidModule(users));
    assert.equal((users as unknown as Record<string, unknown>).release_settings, undefined);
    const lang = parseManifest((await readFile(join(FIXTURES, 'ModuleJapaneseLanguagePack.json'), 'utf8')).replace('%ModuleVersion%', '1.0'));
    assert.equal(lang.moduleType, 'languagepack');
    assert.ok(!isPaidModule(lang));
    const template = parseManifest((await readFile(join(FIXTURES, 'ModuleTemplate.json'), 'utf8')).replace('%ModuleVersion%', '1.0'));
    assert.equal(template.licFeatureId, 0);
  });

  it('a paid module with a product and feature 0 (the vendor\'s CTI client) reads: a key and a trial, no seat', () => {
    const cti = parseManifest(json({ moduleUniqueID: 'ModuleCTIClient', lic_product_id: 85, lic_feature_id: 0 }));
    assert.equal(cti.licProductId, 85);
    assert.equal(cti.licFeatureId, 0);
    assert.ok(isPaidModule(cti));
    assert.ok(!needsFeatureSeat(cti));
    assert.ok(needsFeatureSeat(parseManifest(json({ lic_product_id: 127, lic_feature_id: 51 }))));
  });

  it('quotes values from module.json so that nothing in them drives the terminal', () => {
    refused(json({ version: '1.0\u009b2J\u202e' }), 'manifest_bad_field', /"version" "1\.0\\x9b2J\\u202e" is not a version/);
    refused(json({ moduleUniqueID: 'Mod\u009bule' }), 'manifest_bad_id', /\("Mod\\x9bule"\)/);
  });

  it('refuses the bare %ModuleVersion% placeholder of a source checkout', async () => {
    const text = await readFile(join(FIXTURES, 'ModuleBackup.json'), 'utf8');
    refused(text, 'manifest_version_placeholder', /placeholder %ModuleVersion%.*not a release build/);
  });

  it('explains each defect in its own words', () => {
    refused('{ "moduleUniqueID": ', 'manifest_invalid_json', /not valid JSON/);
    refused('[1,2]', 'manifest_not_object', /JSON object/);
    refused(json({}, ['moduleUniqueID']), 'manifest_missing_id', /no "moduleUniqueID"/);
    refused(json({ moduleUniqueID: '1Module' }), 'manifest_bad_id', /malformed "moduleUniqueID".*start with a letter/);
    refused(json({ moduleUniqueID: 'Module-X' }), 'manifest_bad_id', /malformed/);
    refused(json({ moduleUniqueID: '../etc' }), 'manifest_bad_id', /malformed/);
    for (const field of ['version', 'developer', 'support_email', 'min_pbx_version']) {
      refused(json({}, [field]), 'manifest_missing_field', new RegExp(`missing the required field "${field}"`));
    }
    refused(json({ min_pbx_version: 'latest' }), 'manifest_bad_field', /min_pbx_version/);
    refused(json({ lic_product_id: 'ten' }), 'manifest_bad_field', /lic_product_id.*whole number/);
    refused(json({ lic_feature_id: 5 }), 'manifest_bad_field', /"lic_feature_id" 5 needs a "lic_product_id" above 0/);
    refused(json({ version: '1.0; rm -rf /' }), 'manifest_bad_field', /not a version/);
  });
});
