import type { FastifyInstance } from 'fastify';
import { activateCouponRequestSchema, addTrialRequestSchema, licenseInfoRequestSchema, registerRequestSchema } from '../../api.js';
import { activateCoupon } from '../coupons.js';
import { keyHashOf, unknownKey } from '../credentials.js';
import { addProductTrial, licenseInfo } from '../licenses.js';
import { PRODUCT_TRIAL_DAYS, findKnownProduct } from '../products.js';
import { registerKey } from '../registration.js';
import { notFound } from '../service-error.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../validation.js';

/** Ping, registration, license info, coupons, trials. */
export function registerLicenseRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/ping', async () => ({ ok: true as const, service: 'pbxmod-licensing' as const, time: (await ctx.storage.now()).toISOString() }));

  app.post('/register', { onRequest: ctx.admitRegistration }, async (request, reply) => {
    const body = parseInput(registerRequestSchema, request.body, 'body');
    // New trials per address are limited apart from registration attempts.
    const trial = await ctx.throttles.trials.admit(request.ip);
    let created = false;
    try {
      const answer = await registerKey(ctx.storage, ctx.secret, body, request.ip);
      created = answer.created;
      reply.code(answer.created ? 201 : 200);
      if (answer.created) return { key: answer.key, license: answer.license };
      return { keySent: answer.keySent, email: answer.email, message: answer.message };
    } finally {
      trial.finish(created);
    }
  });

  app.post('/license/info', { onRequest: ctx.admit }, async (request) => {
    const { key } = parseInput(licenseInfoRequestSchema, request.body, 'body');
    const found = await ctx.storage.readKey({ keyHash: keyHashOf(ctx.secret, key) });
    if (!found) throw unknownKey();
    return licenseInfo(found.slice, found.now);
  });

  app.post('/coupons/activate', { onRequest: ctx.admit }, async (request) => {
    const { key, coupon } = parseInput(activateCouponRequestSchema, request.body, 'body');
    return activateCoupon(ctx.storage, ctx.secret, key, coupon);
  });

  app.post('/trials', { onRequest: ctx.admit }, async (request) => {
    const { key, productId } = parseInput(addTrialRequestSchema, request.body, 'body');
    const product = findKnownProduct(productId);
    const keyHash = keyHashOf(ctx.secret, key);
    return ctx.storage.updateKey({ keyHash }, (slice, now) => {
      if (!slice) throw unknownKey();
      if (!product) throw notFound(`Product ${productId} is not in the catalog, so it has no trial.`);
      addProductTrial(slice.record, product, PRODUCT_TRIAL_DAYS, now);
      return licenseInfo(slice, now);
    });
  });
}
