import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadArchive } from '../../src/modules/download.js';
import { DownloadError } from '../../src/modules/errors.js';

// The download's own checks against what the service announced (size, md5), each on a real
// HTTP server on loopback whose body breaks exactly one promise.
const SIZE = 200 * 1024;
const body = randomBytes(SIZE);
const longer = Buffer.concat([body, randomBytes(4096)]);
const shorter = body.subarray(0, SIZE - 4096);
const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex');

let server: Server;
let base: string;
let dir: string;
let files = 0;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pbxmod-download-'));
  server = createServer((request, response) => {
    const send = (data: Buffer, contentLength: boolean) => {
      response.writeHead(200, contentLength ? { 'content-length': String(data.length) } : {});
      // In pieces, as a network delivers it; without a length the body goes chunked.
      for (let i = 0; i < data.length; i += 16 * 1024) response.write(data.subarray(i, i + 16 * 1024));
      response.end();
    };
    if (request.url === '/exact') send(body, true);
    else if (request.url === '/longer-announced') send(longer, true);
    else if (request.url === '/longer-chunked') send(longer, false);
    else if (request.url === '/shorter-chunked') send(shorter, false);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const target = () => join(dir, `archive-${++files}.zip`);

async function refused(path: string, announced: { size: number; md5: string }, code: string, message: RegExp): Promise<void> {
  await assert.rejects(downloadArchive(`${base}${path}`, target(), announced), (error: unknown) => {
    assert.ok(error instanceof DownloadError, `a DownloadError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(error.message, message);
    return true;
  });
}

describe('downloading a module archive', () => {
  it('saves a body of the announced size and md5, byte for byte', async () => {
    const file = target();
    await downloadArchive(`${base}/exact`, file, { size: SIZE, md5: md5(body).toUpperCase() });
    assert.deepEqual(await readFile(file), body);
  });

  it('refuses a Content-Length other than the announced size before reading the body', async () => {
    await refused('/longer-announced', { size: SIZE, md5: md5(longer) }, 'download_size_mismatch', /is 204.0 KiB, but the service announced 200.0 KiB\.$/);
  });

  it('stops a body without a length as soon as it grows past the announced size, even when its md5 would match', async () => {
    await refused('/longer-chunked', { size: SIZE, md5: md5(longer) }, 'download_size_mismatch', /is larger than the 200.0 KiB the service announced; the download was stopped\.$/);
  });

  it('refuses a body that ends short, even when its md5 would match', async () => {
    await refused('/shorter-chunked', { size: SIZE, md5: md5(shorter) }, 'download_cut_off', /was cut off after 196.0 KiB of 200.0 KiB\.$/);
  });

  it('refuses a body of the right size whose md5 differs', async () => {
    await refused('/exact', { size: SIZE, md5: md5(longer) }, 'download_checksum', new RegExp(`its md5 is ${md5(body)}, the service announced ${md5(longer)}\\.$`));
  });
});
