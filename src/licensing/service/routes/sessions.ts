import type { FastifyInstance } from 'fastify';
import { dropRequestSchema, sessionsRequestSchema } from '../../api.js';
import type { ServiceContext } from '../context.js';
import { resolveCredential, unknownKey } from '../credentials.js';
import { dropBindings, sessionHosts } from '../seats.js';
import { parseInput } from '../validation.js';

/** The session monitor: live bindings by host, and dropping them (SPEC §4). */
export function registerSessionRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post('/sessions', { onRequest: ctx.admit }, async (request) => {
    const { credential } = parseInput(sessionsRequestSchema, request.body, 'body');
    const found = await ctx.storage.readKey(await resolveCredential(ctx.storage, ctx.secret, credential));
    if (!found) throw unknownKey();
    return { hosts: sessionHosts(found.slice, found.now), serviceTime: found.now.toISOString() };
  });

  app.post('/sessions/drop', { onRequest: ctx.admit }, async (request) => {
    const { credential, bindingId, hostId, host } = parseInput(dropRequestSchema, request.body, 'body');
    const ref = await resolveCredential(ctx.storage, ctx.secret, credential);
    return ctx.storage.updateKey(ref, (slice, now) => {
      if (!slice) throw unknownKey();
      return { released: dropBindings(slice, { bindingId, hostId, host }, now) };
    });
  });
}
