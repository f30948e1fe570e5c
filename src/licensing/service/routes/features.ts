import type { FastifyInstance } from 'fastify';
import { captureRequestSchema, checkRequestSchema, refreshRequestSchema, releaseRequestSchema } from '../../api.js';
import type { ServiceContext } from '../context.js';
import { requireKey } from '../credentials.js';
import { captureFeature, checkFeature, refreshBindings, releaseFeature, toBinding } from '../seats.js';
import { parseInput } from '../validation.js';

/** Feature seats: capture, check, refresh, release (SPEC §3). */
export function registerFeatureRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post('/features/capture', { onRequest: ctx.admit }, async (request) => {
    const { key, featureId, host } = parseInput(captureRequestSchema, request.body, 'body');
    const now = ctx.now();
    return ctx.store.update((state) => ({ binding: toBinding(captureFeature(state, requireKey(state, key), featureId, host, now)) }));
  });

  app.post('/features/check', { onRequest: ctx.admit }, async (request) => {
    const { key, featureId, hostId } = parseInput(checkRequestSchema, request.body, 'body');
    const state = await ctx.store.read();
    return checkFeature(state, requireKey(state, key), featureId, hostId, ctx.now());
  });

  app.post('/features/refresh', { onRequest: ctx.admit }, async (request) => {
    const { key, hostId } = parseInput(refreshRequestSchema, request.body, 'body');
    const now = ctx.now();
    return ctx.store.update((state) => ({ bindings: refreshBindings(state, requireKey(state, key), hostId, now).map(toBinding) }));
  });

  app.post('/features/release', { onRequest: ctx.admit }, async (request) => {
    const { key, featureId, hostId } = parseInput(releaseRequestSchema, request.body, 'body');
    const now = ctx.now();
    return ctx.store.update((state) => ({ released: releaseFeature(state, requireKey(state, key), featureId, hostId, now) }));
  });
}
