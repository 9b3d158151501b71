import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { migrateToLatest, openDatabase, type Database } from '@kenshu/db';
import { afterAll, afterEach } from 'vitest';
import { useTestDatabase } from './database.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `pnpm start`'s server (without the web build) as a real child process. */
export interface ServerProcess {
  child: ChildProcessByStdio<null, Readable, Readable>;
  pid: number;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** Resolves when it has exited, with how. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `apps/api/src/server.ts` with the test's environment on a free port, scheduled jobs off
 * and no demo seed. `DATABASE_URL: ''` means the embedded database in `KENSHU_DATA_DIR`.
 */
export function spawnServer(env: Record<string, string>): ServerProcess {
  return spawnScript(['apps/api/src/server.ts'], env);
}

/** `pnpm kenshu <args>` (the command line) as a real child process, in the same environment. */
export function spawnCommand(args: string[], env: Record<string, string>): ServerProcess {
  return spawnScript(['apps/api/src/cli.ts', ...args], env);
}

function spawnScript(scriptAndArgs: string[], env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ...scriptAndArgs], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      KENSHU_SEED: 'none',
      KENSHU_JOBS: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  if (child.pid === undefined) throw new Error('the server process did not start');
  return { child, pid: child.pid, output: () => output, exited };
}

/** Waits until the server says where it listens; fails with its output if it exits first. */
export async function waitUntilListening(server: ServerProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void server.exited.then(() => (ended = true));
  for (;;) {
    const match = /Kenshu is running at http:\/\/localhost:(\d+)/.exec(server.output());
    if (match) return `http://127.0.0.1:${match[1]}`;
    if (ended) throw new Error(`the server exited before listening:\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`the server did not start:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Ends a server that may still run (SIGKILL: tests must not leave processes behind). */
export async function stopServer(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGKILL');
  await server.exited;
}

/**
 * A test file's place for real processes: a work folder, the database they use (the file's own on
 * PostgreSQL, an embedded one in `dataDir` otherwise) and `start`, whose servers are killed after
 * each test. `name` tells the work folders apart.
 */
export function useServerProcesses(name: string) {
  const shared = useTestDatabase();
  const work = mkdtempSync(join(tmpdir(), `kenshu-${name}-`));
  const dataDir = join(work, 'db');
  const running: ServerProcess[] = [];
  afterEach(async () => {
    for (const server of running.splice(0)) await stopServer(server);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** What the processes are given as DATABASE_URL: empty for the embedded database. */
  const databaseUrl = () => (process.env.DATABASE_URL ? (shared.current.url ?? '') : '');
  /** The processes' database environment. */
  const databaseEnv = () => ({ KENSHU_DATA_DIR: dataDir, DATABASE_URL: databaseUrl() });

  return {
    work,
    dataDir,
    databaseUrl,
    databaseEnv,
    /** Uses the database the processes use; the embedded one is opened (and migrated) for it. */
    async withDatabase<T>(use: (database: Database) => Promise<T>): Promise<T> {
      if (databaseUrl()) return use(shared.current);
      const database = await openDatabase({ dataDir });
      try {
        await migrateToLatest(database.db);
        return await use(database);
      } finally {
        await database.close();
      }
    },
    /** Starts the server on that database, with these settings too. */
    start(env: Record<string, string> = {}) {
      const server = spawnServer({ ...databaseEnv(), ...env });
      running.push(server);
      return server;
    },
  };
}
