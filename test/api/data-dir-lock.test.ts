import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  spawnServer,
  stopServer,
  waitUntilListening,
  type ServerProcess,
} from '../support/server-process.ts';

/**
 * Two app instances on one embedded data folder would each keep their own view of it and lose
 * each other's writes. Real processes: the second start is refused, naming the folder and the
 * first process; after `kill -9` of the first, a new start gets in. (Embedded database only,
 * whichever database the suite runs on: the folder is what is shared.)
 */
const work = mkdtempSync(join(tmpdir(), 'kenshu-lock-'));
const dataDir = join(work, 'db');
const running: ServerProcess[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await stopServer(server);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function start() {
  const server = spawnServer({ KENSHU_DATA_DIR: dataDir, DATABASE_URL: '' });
  running.push(server);
  return server;
}

describe('one instance per data folder', () => {
  it('refuses a second instance with one line, and lets a new one in after kill -9', async () => {
    const first = start();
    const firstUrl = await waitUntilListening(first);
    expect((await fetch(`${firstUrl}/api/health`)).status).toBe(200);

    const second = start();
    const outcome = await Promise.race([
      second.exited,
      waitUntilListening(second).then(() => 'listening' as const),
    ]);
    expect(outcome, second.output()).toEqual({ code: 1, signal: null });
    const lines = second.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`The data folder ${realpathSync(dataDir)} is in use`);
    expect(lines[0]).toContain(`process ${first.pid}`);
    // The refused start did not disturb the first one.
    expect((await fetch(`${firstUrl}/api/health`)).status).toBe(200);

    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    const third = start();
    const thirdUrl = await waitUntilListening(third);
    expect((await fetch(`${thirdUrl}/api/health`)).status).toBe(200);
  }, 240_000);
});
