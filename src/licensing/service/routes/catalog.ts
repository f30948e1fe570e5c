import { open } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { VERSION_PATTERN } from '../../../domain/version.js';
import { downloadLinkRequestSchema } from '../../api.js';
import { catalogModuleDetails, findCatalogEntry, listCatalog, type CatalogEntry, type CatalogRelease } from '../catalog/catalog.js';
import type { ServiceContext } from '../context.js';
import { keyHashOf, unknownKey } from '../credentials.js';
import { DOWNLOAD_LINK_TTL_MS, signDownloadToken, verifyDownloadToken } from '../download-token.js';
import { requireProductLicense } from '../licenses.js';
import { notFound } from '../service-error.js';
import { parseInput } from '../validation.js';

const pbxVersionQuery = z.object({
  pbxVersion: z.string({ error: 'is required: the PBX version, e.g. 2025.1.120' }).max(50).regex(VERSION_PATTERN, 'is not a version like 2025.1.120'),
});
const moduleParams = z.object({ id: z.string().max(100).regex(/^[A-Za-z][A-Za-z0-9]*$/, 'is not a module id (letters and digits, starting with a letter)') });
const tokenParams = z.object({ token: z.string().max(500) });

function requireEntry(entries: readonly CatalogEntry[], id: string): CatalogEntry {
  const entry = findCatalogEntry(entries, id);
  if (!entry) throw notFound(`There is no module ${id} in the catalog.`);
  return entry;
}

function requireRelease(entry: CatalogEntry, version: string): CatalogRelease {
  const release = entry.releases.find((r) => r.version === version);
  if (!release) throw notFound(`Module ${entry.id} has no release ${version}; releases: ${entry.releases.map((r) => r.version).join(', ')}.`);
  return release;
}

/** The module catalog, download links and the downloads themselves. */
export function registerCatalogRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/catalog', async (request) => {
    const { pbxVersion } = parseInput(pbxVersionQuery, request.query, 'query');
    return { modules: listCatalog(ctx.catalog(), pbxVersion) };
  });

  app.get('/catalog/:id', async (request) => {
    const { id } = parseInput(moduleParams, request.params, 'path');
    const { pbxVersion } = parseInput(pbxVersionQuery, request.query, 'query');
    const details = catalogModuleDetails(requireEntry(ctx.catalog(), id), pbxVersion);
    if (!details) throw notFound(`Module ${id} has no release that MikoPBX ${pbxVersion} can install.`);
    return details;
  });

  app.post('/catalog/:id/link', { onRequest: ctx.admit }, async (request) => {
    const { id } = parseInput(moduleParams, request.params, 'path');
    const { version, key } = parseInput(downloadLinkRequestSchema, request.body, 'body');
    const entry = requireEntry(ctx.catalog(), id);
    const release = requireRelease(entry, version);
    let now: Date;
    if (entry.license) {
      // Paid: the key must hold a live license of the module's product (2026, 2008, 2011).
      const found = await ctx.storage.readKey({ keyHash: keyHashOf(ctx.secret, key) });
      if (!found) throw unknownKey();
      now = found.now;
      requireProductLicense(found.slice.record, entry.license.productId, entry.license.productName, now);
    } else {
      now = await ctx.storage.now();
    }
    const token = signDownloadToken(ctx.secret, { moduleId: entry.id, version: release.version, expires: now.getTime() + DOWNLOAD_LINK_TTL_MS });
    return { href: `/api/v1/downloads/${token}`, md5: release.md5, size: release.size };
  });

  app.get('/downloads/:token', async (request, reply) => {
    const { token } = parseInput(tokenParams, request.params, 'path');
    const grant = verifyDownloadToken(ctx.secret, token, await ctx.storage.now());
    const entry = requireEntry(ctx.catalog(), grant.moduleId);
    let release = requireRelease(entry, grant.version);
    let handle = await open(release.file, 'r').catch(() => null);
    if (!handle) {
      // Someone removed the archive since start: rebuild it rather than fail the install.
      release = requireRelease(requireEntry(await ctx.repairCatalog(), entry.id), grant.version);
      handle = await open(release.file, 'r').catch(() => null);
      if (!handle) throw notFound(`The archive of ${entry.id} ${release.version} is missing on the licensing service.`);
    }
    const { size } = await handle.stat();
    reply
      .header('content-type', 'application/zip')
      .header('content-length', size)
      .header('content-disposition', `attachment; filename="${entry.id}-${release.version}.zip"`)
      .header('etag', `"${release.md5}"`);
    return reply.send(handle.createReadStream());
  });
}
