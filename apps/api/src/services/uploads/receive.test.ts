import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { discardUpload, prepareUploadDir, receiveUpload } from './receive.ts';

const work = mkdtempSync(join(tmpdir(), 'kenshu-receive-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A pid that certainly belongs to no process: one that just ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

describe('the upload folder', () => {
  it('receives into a private folder, as a private file named after this process', async () => {
    const dir = join(work, 'receive', 'uploads');
    const file = await receiveUpload(Readable.from([Buffer.from('a,b\n1,2\n')]), {
      maxBytes: 100,
      dir,
    });
    expect(file.path.startsWith(join(dir, `kenshu-staff-import-${process.pid}-`))).toBe(true);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
    await discardUpload(file);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("removes dead processes' and day-old uploads, keeps a live neighbour's and other files", async () => {
    const dir = join(work, 'prepare');
    await prepareUploadDir(dir);
    const neighbour = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const live = `kenshu-staff-import-${neighbour.pid}-aa.csv`;
      const dead = `kenshu-staff-import-${await deadPid()}-bb.csv`;
      const mine = `kenshu-staff-import-${process.pid}-cc.csv`;
      const old = `kenshu-staff-import-${neighbour.pid}-dd.csv`;
      const unrelated = 'notes.txt';
      for (const name of [live, dead, mine, old, unrelated]) writeFileSync(join(dir, name), 'x');
      const twoDaysAgo = new Date(Date.now() - 48 * 3600_000);
      utimesSync(join(dir, old), twoDaysAgo, twoDaysAgo);

      expect(await prepareUploadDir(dir)).toBe(3);
      expect(readdirSync(dir).sort()).toEqual([live, unrelated].sort());
    } finally {
      neighbour.kill('SIGKILL');
    }
  });

  it('makes an existing folder private', async () => {
    const dir = join(work, 'open');
    await prepareUploadDir(dir);
    chmodSync(dir, 0o755);
    await prepareUploadDir(dir);
    expect(existsSync(dir)).toBe(true);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
});
