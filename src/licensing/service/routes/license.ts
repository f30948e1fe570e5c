import type { FastifyInstance } from 'fastify';
import { activateCouponRequestSchema, addTrialRequestSchema, licenseInfoRequestSchema, registerRequestSchema } from '../../api.js';
import { activateCoupon } from '../coupons.js';
import { requireKey } from '../credentials.js';
import { addProductTrial, licenseInfo, pruneLapsedBindings } from '../licenses.js';
import { PRODUCT_TRIAL_DAYS, findKnownProduct } from '../products.js';
import { registerKey } from '../registration.js';
import { notFound } from '../service-error.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../validation.js';

/** Ping, registration, license info, coupons, trials. */
export function registerLicenseRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/ping', async () => ({ ok: true as const, service: 'pbxmod-licensing' as const, time: ctx.now().toISOString() }));

  app.post('/register', async (request, reply) => {
    const body = parseInput(registerRequestSchema, request.body, 'body');
    const now = ctx.now();
    const { key, license, created } = await ctx.store.update((state) => {
      const before = state.keys.length;
      const { key, record } = registerKey(state, body, now);
      return { key, license: licenseInfo(state, record, now), created: state.keys.length > before };
    });
    reply.code(created ? 201 : 200);
    return { key, license };
  });

  app.post('/license/info', { onRequest: ctx.admit }, async (request) => {
    const { key } = parseInput(licenseInfoRequestSchema, request.body, 'body');
    const state = await ctx.store.read();
    return licenseInfo(state, requireKey(state, key), ctx.now());
  });

  app.post('/coupons/activate', { onRequest: ctx.admit }, async (request) => {
    const { key, coupon } = parseInput(activateCouponRequestSchema, request.body, 'body');
    const now = ctx.now();
    return ctx.store.update((state) => {
      pruneLapsedBindings(state, now);
      return licenseInfo(state, activateCoupon(state, key, coupon, now), now);
    });
  });

  app.post('/trials', { onRequest: ctx.admit }, async (request) => {
    const { key, productId } = parseInput(addTrialRequestSchema, request.body, 'body');
    const now = ctx.now();
    return ctx.store.update((state) => {
      const record = requireKey(state, key);
      const product = findKnownProduct(productId);
      if (!product) throw notFound(`Product ${productId} is not in the catalog, so it has no trial.`);
      addProductTrial(record, product, PRODUCT_TRIAL_DAYS, now);
      return licenseInfo(state, record, now);
    });
  });
}
