import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { StoreError, reason } from '../../domain/errors.js';

/**
 * The service's secret: 32 random bytes kept apart from the data (PBXMOD_SERVICE_SECRET, or a
 * 0600 file, by default `<dataDir>/service-secret`), so that a copied `licensing.json` or
 * database gives away no key: the store holds only HMACs of keys under this secret.
 * Every instance that shares the data must share the secret.
 */
export class ServiceSecret {
  private readonly hashKey: Buffer;
  private readonly downloadKey: Buffer;
  private readonly sealKey: Buffer;

  constructor(bytes: Buffer) {
    if (bytes.length !== 32) throw new RangeError('the service secret is 32 bytes');
    const derive = (label: string): Buffer => createHmac('sha256', bytes).update(`pbxmod-licensing\0${label}`).digest();
    this.hashKey = derive('credential-hash');
    this.downloadKey = derive('download-link');
    this.sealKey = derive('outbox-seal');
  }

  /** What the store keeps of a normalized key or coupon: found by index, useless without the secret. */
  hashCredential(normalized: string): string {
    return createHmac('sha256', this.hashKey).update(normalized, 'utf8').digest('hex');
  }

  /** HMAC of a download link's payload. */
  signDownload(payload: string): Buffer {
    return createHmac('sha256', this.downloadKey).update(payload, 'utf8').digest();
  }

  /** AES-256-GCM of a JSON value, base64url `iv.tag.data`. */
  seal(value: unknown): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
  }

  /** The value of `seal`; throws when the text was sealed under another secret or changed. */
  unseal(sealed: string): unknown {
    const [iv = '', tag = '', data = ''] = sealed.split('.');
    const decipher = createDecipheriv('aes-256-gcm', this.sealKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return JSON.parse(Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8'));
  }
}

export function defaultSecretFile(dataDir: string): string {
  return join(dataDir, 'service-secret');
}

const HEX_SECRET = /^[0-9a-f]{64}$/i;

/**
 * The secret from PBXMOD_SERVICE_SECRET (64 hex digits), else from `file`, made (0600, 64 hex
 * digits) on first start when missing.
 */
export async function loadServiceSecret(file: string, env: NodeJS.ProcessEnv = process.env): Promise<ServiceSecret> {
  const fromEnv = env.PBXMOD_SERVICE_SECRET?.trim();
  if (fromEnv) {
    if (!HEX_SECRET.test(fromEnv)) throw new StoreError(reason('store_secret_env_invalid'), file);
    return new ServiceSecret(Buffer.from(fromEnv, 'hex'));
  }
  const text = await readOrCreate(file, () => `${randomBytes(32).toString('hex')}\n`);
  const hex = text.trim();
  if (!HEX_SECRET.test(hex)) throw new StoreError(reason('store_secret_file_invalid', { file }), file);
  return new ServiceSecret(Buffer.from(hex, 'hex'));
}

/** A small 0600 file: read it, or create it exclusively (two first starts agree on one). */
export async function readOrCreate(file: string, make: () => string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new StoreError(reason('store_secret_unreadable', { file, detail: (error as Error).message }), file);
  }
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  // Written whole to a temp file, then linked into place: a second first start either wins
  // the link or reads the complete file of the first.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const text = make();
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(temp, file);
    return text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFile(file, 'utf8');
    throw new StoreError(reason('store_secret_uncreatable', { file, detail: (error as Error).message }), file);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
