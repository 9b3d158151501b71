import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@kenshu/domain';

/** An uploaded roster, kept in a private temporary file while it is previewed or applied. */
export interface RosterFile {
  path: string;
  /** sha256 of the bytes, hex: what a preview is bound to and what the audit log records. */
  checksum: string;
  bytes: number;
  fileName: string | null;
}

/**
 * Copies an upload (or a file from the command line) to a temporary file, hashing and counting
 * as it goes, and stops as soon as it exceeds `maxBytes`. Holding the bytes on disk rather than
 * in memory lets a 400,000-row file be read twice (validate, then apply) at flat memory, and
 * keeps the import's transaction independent of how fast the client uploads.
 */
export async function receiveRosterFile(
  source: AsyncIterable<Uint8Array>,
  options: { maxBytes: number; fileName?: string | null | undefined },
): Promise<RosterFile> {
  const path = join(tmpdir(), `kenshu-roster-${randomBytes(12).toString('hex')}.csv`);
  // The roster holds personal data: readable by this user only, and removed after use.
  const out = createWriteStream(path, { mode: 0o600 });
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of source) {
      bytes += chunk.byteLength;
      if (bytes > options.maxBytes) throw tooLarge(options.maxBytes);
      hash.update(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    await new Promise<void>((resolve, reject) => {
      out.once('error', reject);
      out.end(resolve);
    });
  } catch (error) {
    out.destroy();
    await rm(path, { force: true });
    throw error;
  }
  return { path, checksum: hash.digest('hex'), bytes, fileName: options.fileName ?? null };
}

/** Removes the temporary copy. */
export async function discardRosterFile(file: RosterFile): Promise<void> {
  await rm(file.path, { force: true });
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `The roster file is larger than the limit of ${maxBytes.toLocaleString('en-US')} bytes (KENSHU_ROSTER_MAX_BYTES)`,
    { maxBytes },
  );
}
