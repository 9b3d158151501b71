import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

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
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], {
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
