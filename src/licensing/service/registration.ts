import type { z } from 'zod';
import type { registerRequestSchema } from '../api.js';
import { licenseRefusal } from './service-error.js';
import { deriveKey, newKeyRecordId } from './credentials.js';
import { trialLicense } from './licenses.js';
import { KNOWN_PRODUCTS, REGISTRATION_TRIAL_DAYS } from './products.js';
import type { KeyRecord, ServiceState } from './service-store.js';

export type ValidRegistration = z.output<typeof registerRequestSchema>;

function sameCompany(a: string, b: string): boolean {
  return a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Issue a key with the 30-day MikoPBX trial (SPEC §2). The same email and company again get
 * the same key back, trial not renewed; the email under another company → 2022; a host that
 * had a trial for another email or company → 2051.
 */
export function registerKey(state: ServiceState, request: ValidRegistration, now: Date): { key: string; record: KeyRecord } {
  const byEmail = state.keys.find((k) => k.owner.email === request.email);
  if (byEmail) {
    if (!sameCompany(byEmail.owner.company, request.company)) {
      throw licenseRefusal(2022, `The email ${request.email} is already registered for another company.`);
    }
    return { key: deriveKey(state.secret, byEmail.id), record: byEmail };
  }
  if (state.keys.some((k) => k.trialHostId === request.hostId)) {
    throw licenseRefusal(2051, `The host ${request.hostId} already received a trial key for another email or company.`);
  }
  const { id, key, keyHash } = newKeyRecordId(state);
  const mikopbx = KNOWN_PRODUCTS[0]!;
  const record: KeyRecord = {
    id,
    keyHash,
    owner: { company: request.company, contact: request.contact, email: request.email },
    trialHostId: request.hostId,
    created: now.toISOString(),
    products: [trialLicense(mikopbx, REGISTRATION_TRIAL_DAYS, now)],
    trialsGranted: [mikopbx.productId],
  };
  if (request.phone) record.owner.phone = request.phone;
  if (request.inn) record.owner.inn = request.inn;
  state.keys.push(record);
  return { key, record };
}
