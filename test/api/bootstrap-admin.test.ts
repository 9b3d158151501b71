import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@kenshu/db';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `pnpm kenshu bootstrap-admin` as an operator runs it on a fresh production database: the real
 * command in a child process, on an empty embedded data folder (the command is the same code on
 * PostgreSQL; the database layer is proven on both elsewhere).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'kenshu-bootstrap-'));
const dataDir = join(work, 'data');

afterAll(() => rmSync(work, { recursive: true, force: true }));

function kenshu(args: string[]) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/cli.ts', ...args], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: '',
        KENSHU_DATA_DIR: dataDir,
        KENSHU_PUBLIC_URL: 'https://kenshu.example.go.jp',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const tokenOf = (output: string) => /#token=([A-Za-z0-9_-]+)/.exec(output)?.[1];
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('pnpm kenshu bootstrap-admin', () => {
  it('refuses without a staff number, and a new person without names, in one line', async () => {
    const bare = await kenshu(['bootstrap-admin']);
    expect(bare.code).toBe(1);
    expect(bare.output.trim()).toBe('--staff-number is required');

    const nameless = await kenshu(['bootstrap-admin', '--staff-number', 'X0001']);
    expect(nameless.code).toBe(1);
    expect(nameless.output).toContain('needs an e-mail, a family name and a given name');
  }, 120_000);

  it('makes the first admin with a one-time link; running it again replaces the link', async () => {
    const first = await kenshu([
      'bootstrap-admin',
      '--staff-number',
      'X0001',
      '--email',
      'first.admin@example.go.jp',
      '--family-name',
      '管理',
      '--given-name',
      '太郎',
    ]);
    expect(first, first.output).toMatchObject({ code: 0 });
    expect(first.output).toContain('X0001 is an admin');
    expect(first.output).toContain('https://kenshu.example.go.jp/set-password#token=');
    const firstToken = tokenOf(first.output);
    if (!firstToken) throw new Error(first.output);

    // The person exists now: names are not needed a second time.
    const again = await kenshu(['bootstrap-admin', '--staff-number', 'X0001']);
    expect(again, again.output).toMatchObject({ code: 0 });
    const secondToken = tokenOf(again.output);
    if (!secondToken) throw new Error(again.output);
    expect(secondToken).not.toBe(firstToken);

    const database = await openDatabase({ dataDir });
    try {
      const { db } = database;
      const admin = await db
        .selectFrom('staff')
        .select(['id', 'email', 'family_name'])
        .where('staff_number', '=', 'X0001')
        .executeTakeFirstOrThrow();
      expect(admin).toMatchObject({ email: 'first.admin@example.go.jp', family_name: '管理' });
      const roles = await db
        .selectFrom('role_grant')
        .select('role')
        .where('staff_id', '=', admin.id)
        .execute();
      expect(roles.map((r) => r.role)).toEqual(['admin']);

      // Only the newest link is live, and it is the one printed last; both were the console's.
      const links = await db
        .selectFrom('password_token')
        .select(['token_hash', 'created_by', 'revoked_at'])
        .where('staff_id', '=', admin.id)
        .orderBy('id')
        .execute();
      expect(links).toHaveLength(2);
      expect(links[0]).toMatchObject({ token_hash: sha256(firstToken), created_by: null });
      expect(links[0]?.revoked_at).not.toBeNull();
      expect(links[1]).toMatchObject({
        token_hash: sha256(secondToken),
        created_by: null,
        revoked_at: null,
      });

      const audit = await db
        .selectFrom('audit_log')
        .select(['action', 'actor_staff_id', 'request_id', 'target_id'])
        .where('target_type', '=', 'staff')
        .where('target_id', '=', String(admin.id))
        .orderBy('id')
        .execute();
      // Each of the two runs wrote the same pair of lines, by the command line (no person).
      const byTheCommandLine = (action: string) => ({
        action,
        actor_staff_id: null,
        request_id: 'cli',
        target_id: String(admin.id),
      });
      const oneRun = [
        byTheCommandLine('account.admin_bootstrapped'),
        byTheCommandLine('account.password_link_issued'),
      ];
      expect(audit).toEqual([...oneRun, ...oneRun]);
    } finally {
      await database.close();
    }
  }, 180_000);
});
