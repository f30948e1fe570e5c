import { read, createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

const BLOCK = 64 * 1024;

/**
 * yauzl's access to the archive file, with reads through a small block cache. yauzl reads
 * the central directory and each local header with two or three tiny reads per entry; on a
 * module with thousands of files those thread-pool round trips cost more than unpacking.
 * The descriptor belongs to the caller, who closes it after yauzl is done.
 */
export class CachedZipReader extends yauzl.RandomAccessReader {
  /** The last block read; replaced whole, never written into, so concurrent reads stay correct. */
  private cached: { start: number; data: Buffer } | null = null;

  constructor(
    private readonly file: string,
    private readonly fd: number,
    private readonly size: number,
  ) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    // Its own descriptor: yauzl destroys the streams it is done with, and that closes theirs.
    return createReadStream(this.file, { start, end: end - 1, highWaterMark: 256 * 1024 });
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null, bytesRead?: number) => void): void {
    if (length > BLOCK) {
      read(this.fd, buffer, offset, length, position, (error, bytesRead) => callback(error, bytesRead));
      return;
    }
    const cached = this.cached;
    if (cached && position >= cached.start && position + length <= cached.start + cached.data.length) {
      cached.data.copy(buffer, offset, position - cached.start, position - cached.start + length);
      setImmediate(() => callback(null, length));
      return;
    }
    const block = Buffer.allocUnsafe(Math.max(length, Math.min(BLOCK, this.size - position)));
    read(this.fd, block, 0, block.length, position, (error, bytesRead) => {
      if (error) {
        callback(error);
        return;
      }
      const data = block.subarray(0, bytesRead);
      this.cached = { start: position, data };
      const n = Math.min(length, bytesRead);
      data.copy(buffer, offset, 0, n);
      callback(null, n);
    });
  }

  override close(callback: (err: Error | null) => void): void {
    setImmediate(() => callback(null));
  }
}
