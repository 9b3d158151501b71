import { request } from 'node:http';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePerson, signedInAs } from '../support/auth.ts';
import { waitUntilListening, useServerProcesses } from '../support/server-process.ts';

/**
 * A staff import upload holds personal data. The server keeps it in a private folder of its own
 * (0700, inside the data folder unless KENSHU_UPLOAD_DIR says otherwise), not the shared
 * temporary folder, and a start removes what a killed server left there. Real processes:
 * the server is killed with SIGKILL in the middle of receiving an upload, then started again.
 */
const { dataDir, withDatabase, start } = useServerProcesses('upload-kill');
const uploadDir = join(dataDir, 'uploads');

function uploadsOf(pid: number) {
  if (!existsSync(uploadDir)) return [];
  return readdirSync(uploadDir).filter((name) => name.startsWith(`kenshu-staff-import-${pid}-`));
}

describe('a staff import upload interrupted by kill -9', () => {
  it('stays private while it lasts and is removed at the next start', async () => {
    // An admin's signed-in session, made in the database the server will use.
    const admin = await withDatabase(async ({ db }) => {
      const person = await makePerson(db, ['admin']);
      return signedInAs({ request: () => new Response(null) }, db, person.id);
    });
    const server = start();
    const base = await waitUntilListening(server);

    // Send the first megabyte of a 20 MB staff file and hold the rest back.
    const upload = request(`${base}/api/staff-imports/preview?fileName=staff.csv`, {
      method: 'POST',
      headers: {
        cookie: admin.cookie,
        'x-csrf-token': admin.csrfToken,
        'content-type': 'text/csv',
        'content-length': String(20 * 1024 * 1024),
      },
    });
    upload.on('error', () => undefined);
    let answered = '';
    upload.on('response', (res) => (answered = `answered ${res.statusCode} before the end`));
    const line = '職員,山田,太郎,やまだ,たろう,yamada@example.go.jp\n';
    upload.write(line.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(line))));

    let leftover: string | undefined;
    for (let i = 0; i < 600 && !leftover; i++) {
      const [name] = uploadsOf(server.pid);
      if (name && statSync(join(uploadDir, name)).size > 0) leftover = name;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(leftover, `${answered}\n${server.output()}`).toBeDefined();
    if (!leftover) return;
    expect(statSync(uploadDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(uploadDir, leftover)).mode & 0o777).toBe(0o600);

    server.child.kill('SIGKILL');
    expect((await server.exited).signal).toBe('SIGKILL');
    upload.destroy();
    // Nothing could clean up: the personal data is still on disk…
    expect(existsSync(join(uploadDir, leftover))).toBe(true);

    // …until the next start.
    const next = start();
    await waitUntilListening(next);
    expect(existsSync(join(uploadDir, leftover))).toBe(false);
    const removal = next
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; removed?: number })
      .find((entry) => entry.msg === 'removed uploads left by a stopped process');
    expect(removal?.removed).toBe(1);
  }, 240_000);
});
