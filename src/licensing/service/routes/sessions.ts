import type { FastifyInstance } from 'fastify';
import { dropRequestSchema, sessionsRequestSchema } from '../../api.js';
import type { ServiceContext } from '../context.js';
import { resolveCredential } from '../credentials.js';
import { dropBindings, sessionHosts } from '../seats.js';
import { parseInput } from '../validation.js';

/** The session monitor: live bindings by host, and dropping them (SPEC §4). */
export function registerSessionRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post('/sessions', { onRequest: ctx.admit }, async (request) => {
    const { credential } = parseInput(sessionsRequestSchema, request.body, 'body');
    const state = await ctx.store.read();
    return { hosts: sessionHosts(state, resolveCredential(state, credential), ctx.now()) };
  });

  app.post('/sessions/drop', { onRequest: ctx.admit }, async (request) => {
    const { credential, bindingId, hostId, host } = parseInput(dropRequestSchema, request.body, 'body');
    const now = ctx.now();
    return ctx.store.update((state) => ({ released: dropBindings(state, resolveCredential(state, credential), { bindingId, hostId, host }, now) }));
  });
}
