import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { LicenseInfo, registerRequestSchema } from '../api.js';
import { licenseRefusal } from './service-error.js';
import { randomLicenseCode } from './credentials.js';
import { licenseInfo, trialLicense } from './licenses.js';
import { KNOWN_PRODUCTS, REGISTRATION_TRIAL_DAYS } from './products.js';
import type { KeyRecord, OutboxRecord } from './records.js';
import type { ServiceSecret } from './secret.js';
import type { LicensingStorage } from './storage/storage.js';

export type ValidRegistration = z.output<typeof registerRequestSchema>;

/** What a registration answers: a new key, or word that the existing key went to its email. */
export type RegistrationAnswer = { created: true; key: string; license: LicenseInfo } | { created: false; keySent: true; email: string; message: string };

function sameCompany(a: string, b: string): boolean {
  return a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The text sealed in an outbox message: the mail body, and the key it carries. */
interface SealedMail {
  body: string;
  key?: string;
}

function outboxMessage(secret: ServiceSecret, record: KeyRecord, subject: string, mail: SealedMail, now: Date): OutboxRecord {
  return { id: randomBytes(8).toString('hex'), created: now.toISOString(), to: record.owner.email, subject, keyId: record.id, sealed: secret.seal(mail) };
}

/**
 * Issue a key with the 30-day MikoPBX trial (SPEC §2). The key is drawn from the CSPRNG and
 * only its keyed hash is stored; it is answered once, to the registering PBX, and mailed to the
 * owner (the outbox).
 *
 * An email that has a key already never gets it in the answer: as the vendor does, the key is
 * sent to the owner's email (a new outbox message) and the answer only says so. The same email
 * under another company → 2022; a host that had a trial for another email → 2051.
 */
export async function registerKey(storage: LicensingStorage, secret: ServiceSecret, request: ValidRegistration, origin: string): Promise<RegistrationAnswer> {
  const now = await storage.now();
  const key = randomLicenseCode('MIKO');
  const mikopbx = KNOWN_PRODUCTS[0]!;
  const candidate: KeyRecord = {
    id: randomBytes(16).toString('hex'),
    keyHash: secret.hashCredential(key),
    owner: { company: request.company, contact: request.contact, email: request.email },
    trialHostId: request.hostId,
    created: now.toISOString(),
    products: [trialLicense(mikopbx, REGISTRATION_TRIAL_DAYS, now)],
    trialsGranted: [mikopbx.productId],
  };
  if (request.phone) candidate.owner.phone = request.phone;
  if (request.inn) candidate.owner.inn = request.inn;
  const welcome = outboxMessage(
    secret,
    candidate,
    'Your MikoPBX license key',
    {
      key,
      body: `Hello ${request.contact},\n\nthe MikoPBX license key of ${request.company} is\n\n    ${key}\n\nIt carries a ${REGISTRATION_TRIAL_DAYS}-day trial of MikoPBX. Keep this message: the key is not stored anywhere else.\n`,
    },
    now,
  );
  const outcome = await storage.register(candidate, welcome);
  if (outcome.outcome === 'created') return { created: true, key, license: licenseInfo({ record: candidate, bindings: [], drops: [] }, now) };
  if (outcome.outcome === 'host_taken') throw licenseRefusal(2051, `The host ${request.hostId} already received a trial key for another email or company.`);
  const owner = outcome.record;
  if (!sameCompany(owner.owner.company, request.company)) throw licenseRefusal(2022, `The email ${request.email} is already registered for another company.`);
  await storage.addOutboxMessage(await resendMessage(storage, secret, owner, request.hostId, origin, now));
  return {
    created: false,
    keySent: true,
    email: owner.owner.email,
    message: `A license key for ${owner.owner.email} exists already and was sent to that email. Save it on this PBX with \`pbxmod license set-key\`.`,
  };
}

/** The key again, to the owner's email; a key whose first message is gone can only be described. */
async function resendMessage(storage: LicensingStorage, secret: ServiceSecret, owner: KeyRecord, hostId: string, origin: string, now: Date): Promise<OutboxRecord> {
  const previous = await storage.latestKeyMessage(owner.id);
  let key: string | undefined;
  try {
    key = previous ? (secret.unseal(previous.sealed) as SealedMail).key : undefined;
  } catch {
    key = undefined;
  }
  const request = `Someone asked for the license key of ${owner.owner.company} from host ${hostId} (address ${origin}) at ${now.toISOString()}.`;
  const body = key
    ? `Hello ${owner.owner.contact},\n\n${request}\nYour key is\n\n    ${key}\n\nIf this was not you, nothing else happened: the key was sent only to this email.\n`
    : `Hello ${owner.owner.contact},\n\n${request}\nYour key was issued on ${owner.created.slice(0, 10)}; it is shown on your registered PBX by \`pbxmod license show --reveal\`.\n`;
  return outboxMessage(secret, owner, 'Your MikoPBX license key (sent again)', key ? { body, key } : { body }, now);
}

/** An outbox message as the operator reads it. */
export function openOutboxMessage(secret: ServiceSecret, message: OutboxRecord): { id: string; created: string; to: string; subject: string; body: string } {
  let body: string;
  try {
    body = (secret.unseal(message.sealed) as SealedMail).body;
  } catch {
    body = '(sealed under another service secret: cannot be read)';
  }
  return { id: message.id, created: message.created, to: message.to, subject: message.subject, body };
}
