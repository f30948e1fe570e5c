import type { FastifyInstance } from 'fastify';
import { captureRequestSchema, checkRequestSchema, refreshRequestSchema, releaseRequestSchema } from '../../api.js';
import type { ServiceContext } from '../context.js';
import { keyHashOf, unknownKey } from '../credentials.js';
import { captureFeature, checkFeature, refreshBindings, releaseFeature, toBinding } from '../seats.js';
import { parseInput } from '../validation.js';

/** Feature seats: capture, check, refresh, release (SPEC §3). */
export function registerFeatureRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post('/features/capture', { onRequest: ctx.admit }, async (request) => {
    const { key, featureId, host } = parseInput(captureRequestSchema, request.body, 'body');
    return ctx.storage.updateKey({ keyHash: keyHashOf(ctx.secret, key) }, (slice, now) => {
      if (!slice) throw unknownKey();
      return { binding: toBinding(captureFeature(slice, featureId, host, now)) };
    });
  });

  app.post('/features/check', { onRequest: ctx.admit }, async (request) => {
    const { key, featureId, hostId } = parseInput(checkRequestSchema, request.body, 'body');
    const found = await ctx.storage.readKey({ keyHash: keyHashOf(ctx.secret, key) });
    if (!found) throw unknownKey();
    return checkFeature(found.slice, featureId, hostId, found.now);
  });

  app.post('/features/refresh', { onRequest: ctx.admit }, async (request) => {
    const { key, hostId } = parseInput(refreshRequestSchema, request.body, 'body');
    return ctx.storage.updateKey({ keyHash: keyHashOf(ctx.secret, key) }, (slice, now) => {
      if (!slice) throw unknownKey();
      return { bindings: refreshBindings(slice, hostId, now).map(toBinding) };
    });
  });

  app.post('/features/release', { onRequest: ctx.admit }, async (request) => {
    const { key, featureId, hostId } = parseInput(releaseRequestSchema, request.body, 'body');
    return ctx.storage.updateKey({ keyHash: keyHashOf(ctx.secret, key) }, (slice, now) => {
      if (!slice) throw unknownKey();
      return { released: releaseFeature(slice, featureId, hostId, now) };
    });
  });
}
