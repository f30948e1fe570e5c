import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addSeatsRequestSchema, blockCouponRequestSchema, createCouponRequestSchema } from '../../api.js';
import type { ServiceContext } from '../context.js';
import { blockCoupon, createCoupon } from '../coupons.js';
import { addSeats, couponCreatedAnswer } from '../operator.js';
import { openOutboxMessage } from '../registration.js';
import { parseInput } from '../validation.js';

const outboxQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

/** The operator's routes: coupons, seats, blocking, the outbox; each needs the service token. */
export function registerOperatorRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const guarded = { onRequest: ctx.authorizeOperator };

  app.post('/operator/coupons', guarded, async (request, reply) => {
    const spec = parseInput(createCouponRequestSchema, request.body, 'body');
    const { code, record } = await createCoupon(ctx.storage, ctx.secret, spec);
    reply.code(201);
    return couponCreatedAnswer(code, record);
  });

  app.post('/operator/coupons/block', guarded, async (request) => {
    const { coupon } = parseInput(blockCouponRequestSchema, request.body, 'body');
    const { code } = await blockCoupon(ctx.storage, ctx.secret, coupon);
    return { coupon: code, blocked: true as const };
  });

  app.post('/operator/seats', guarded, async (request) => {
    const spec = parseInput(addSeatsRequestSchema, request.body, 'body');
    return addSeats(ctx.storage, ctx.secret, spec);
  });

  app.get('/operator/outbox', guarded, async (request) => {
    const { limit } = parseInput(outboxQuery, request.query, 'query');
    return { messages: (await ctx.storage.listOutbox(limit)).map((m) => openOutboxMessage(ctx.secret, m)) };
  });
}
