import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Held while a process uses an embedded data folder; `release` lets the next one in. */
export interface DataDirLock {
  release(): Promise<void>;
}

/** Another live process holds the folder: its pid, when it could be learnt. */
export interface DataDirHeld {
  folder: string;
  holderPid: number | null;
}

const PID_FILE = 'kenshu.pid';
const ASK_TIMEOUT_MS = 3000;

/**
 * The lock is a listening local socket named after the folder: the kernel frees it the moment
 * its process ends, `kill -9` included, and only one process can listen on a name at a time.
 * On Linux the name lives in the abstract namespace (no file to go stale); elsewhere it is a
 * socket file (a Windows named pipe on Windows) whose leftover is recognised by a refused
 * connection. Whoever asks is told the holder's pid.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock | DataDirHeld> {
  const folder = realpathSync(dataDir);
  const address = socketAddress(folder);
  for (let attempt = 0; ; attempt++) {
    const server = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.end(`${process.pid}\n`);
    });
    try {
      await listen(server, address);
    } catch (error) {
      if (!isCode(error, 'EADDRINUSE')) throw error;
      const holder = await askHolder(address);
      if (holder === 'gone' && address.kind === 'file' && attempt === 0) {
        // A socket file left by a killed process: nobody listens behind it.
        rmSync(address.path, { force: true });
        continue;
      }
      return { folder, holderPid: typeof holder === 'number' ? holder : readPidFile(folder) };
    }
    // The lock must not keep the process alive on its own.
    server.unref();
    const pidFile = join(folder, PID_FILE);
    writeFileSync(pidFile, `${process.pid}\n`);
    return {
      release: async () => {
        try {
          if (readPidFile(folder) === process.pid) unlinkSync(pidFile);
        } catch {
          // Already gone: nothing to tidy.
        }
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }
}

type SocketAddress = { kind: 'abstract' | 'pipe' | 'file'; path: string };

function socketAddress(folder: string): SocketAddress {
  const id = createHash('sha256').update(folder).digest('hex').slice(0, 32);
  if (process.platform === 'linux') return { kind: 'abstract', path: `\0kenshu-data-${id}` };
  if (process.platform === 'win32') return { kind: 'pipe', path: `\\\\?\\pipe\\kenshu-data-${id}` };
  // Socket paths are limited to ~100 bytes, so not inside a deep data folder.
  return { kind: 'file', path: join(tmpdir(), `kenshu-data-${id}.sock`) };
}

function listen(server: Server, address: SocketAddress): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.path, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The holder's pid; 'gone' when nobody listens; 'silent' when it did not answer in time. */
function askHolder(address: SocketAddress): Promise<number | 'gone' | 'silent'> {
  return new Promise((resolve) => {
    const socket = connect(address.path);
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('silent');
    }, ASK_TIMEOUT_MS);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => {
      clearTimeout(timer);
      const pid = Number.parseInt(answer, 10);
      resolve(Number.isInteger(pid) && pid > 0 ? pid : 'silent');
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      resolve(isCode(error, 'ECONNREFUSED') || isCode(error, 'ENOENT') ? 'gone' : 'silent');
    });
  });
}

function readPidFile(folder: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(join(folder, PID_FILE), 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
