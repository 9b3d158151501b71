import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '@kenshu/domain';

/** An upload (a staff import file, a SCORM package), kept in a private file of the app's own while it is checked and used. */
export interface UploadedFile {
  path: string;
  /** sha256 of the bytes, hex: what a preview is bound to and what the audit log records. */
  checksum: string;
  bytes: number;
  fileName: string | null;
}

// Named after the process that wrote it, so a start can tell a dead process's leftover from a
// live neighbour's upload in a shared folder. `roster` is what versions before the staff import's
// rename called theirs: a leftover of one is still removed.
const UPLOAD_NAME = /^kenshu-(?:staff-import|roster|scorm)-(\d+)-[0-9a-f]+\.(?:csv|zip)$/;
/** A leftover this old is removed whoever wrote it (its pid may since belong to another process). */
const LEFTOVER_MAX_AGE_MS = 24 * 3600_000;

/**
 * Makes the upload folder private (0700: staff import files hold personal data) and removes uploads that a
 * killed process left behind: those whose process is gone, and any older than a day. Other
 * files in the folder are not touched. Returns how many were removed.
 */
export async function prepareUploadDir(dir: string, now = new Date()): Promise<number> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  let removed = 0;
  for (const name of await readdir(dir)) {
    const match = UPLOAD_NAME.exec(name);
    if (!match) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    const pid = Number(match[1]);
    const stale = now.getTime() - info.mtimeMs > LEFTOVER_MAX_AGE_MS;
    if (stale || pid === process.pid || !isAlive(pid)) {
      await rm(path, { force: true });
      removed += 1;
    }
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/**
 * Copies an upload (or a file from the command line) into the upload folder, hashing and
 * counting as it goes, and stops as soon as it exceeds `maxBytes`. Holding the bytes on disk
 * rather than in memory lets a 400,000-row file be read twice (validate, then apply) at flat
 * memory, and keeps the import's transaction independent of how fast the client uploads.
 */
export async function receiveUpload(
  source: AsyncIterable<Uint8Array>,
  options: {
    maxBytes: number;
    dir: string;
    fileName?: string | null | undefined;
    /** What the upload is (a SCORM package is received the same way); default a staff import file. */
    kind?: 'staff-import' | 'scorm';
    tooLarge?: (maxBytes: number) => AppError;
  },
): Promise<UploadedFile> {
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const ext = options.kind === 'scorm' ? 'zip' : 'csv';
  const path = join(
    options.dir,
    `kenshu-${options.kind ?? 'staff-import'}-${process.pid}-${randomBytes(12).toString('hex')}.${ext}`,
  );
  // A staff import file holds personal data: readable by this user only, and removed after use.
  const out = createWriteStream(path, { mode: 0o600 });
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of source) {
      bytes += chunk.byteLength;
      if (bytes > options.maxBytes) throw (options.tooLarge ?? tooLarge)(options.maxBytes);
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

/** Removes the copy. */
export async function discardUpload(file: UploadedFile): Promise<void> {
  await rm(file.path, { force: true });
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `The staff import file is larger than the limit of ${maxBytes.toLocaleString('en-US')} bytes (KENSHU_ROSTER_MAX_BYTES)`,
    { maxBytes },
  );
}
