import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { open, readFile, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { openDatabase, DatabaseConfigError, type Database, type Executor } from './connection.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { migrateToLatest } from './migrate.ts';
import { DataDirInUseError } from './connection.ts';

/**
 * Backups of both databases, each in its own engine's format: pg_dump's custom format for
 * PostgreSQL (restored with pg_restore), PGlite's data-folder dump (a gzipped tar) for the embedded
 * database. A file says which it is by its first bytes.
 */
export type BackupKind = 'postgres' | 'embedded';

/** Which engine made a backup file; null when it is neither. */
export async function backupKindOf(file: string): Promise<BackupKind | null> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    if (head.toString('latin1') === 'PGDMP') return 'postgres';
    if (head[0] === 0x1f && head[1] === 0x8b) return 'embedded';
    return null;
  } finally {
    await handle.close();
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} failed: ${stderr.trim()}`)),
    );
  });
}

/** Backs up a PostgreSQL database (every schema: the app's and the job queue's) with pg_dump. */
export async function backupPostgres(databaseUrl: string, file: string): Promise<void> {
  await run('pg_dump', ['--format=custom', '--no-owner', '--file', file, databaseUrl]);
}

/** Restores a pg_dump backup over a PostgreSQL database: what it held is replaced. */
export async function restorePostgres(databaseUrl: string, file: string): Promise<void> {
  await run('pg_restore', [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--single-transaction',
    '--dbname',
    databaseUrl,
    file,
  ]);
}

/**
 * Backs up an embedded data folder. It takes the folder's lock, so it refuses while Kenshu runs
 * on it (stop it first: a copy of a running PGlite would not be consistent).
 */
export async function backupEmbedded(dataDir: string, file: string): Promise<void> {
  const lock = await lockDataDir(dataDir);
  if ('holderPid' in lock) throw new DataDirInUseError(lock.folder, lock.holderPid);
  try {
    const pglite = await PGlite.create({ dataDir });
    try {
      const dump = await pglite.dumpDataDir('gzip');
      await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await pglite.close();
    }
  } finally {
    await lock.release();
  }
}

/** Restores an embedded backup into a data folder that does not exist yet or is empty. */
export async function restoreEmbedded(dataDir: string, file: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).some((f) => !f.startsWith('.'))) {
    throw new DatabaseConfigError(
      `The data folder ${dataDir} is not empty: restore into a new KENSHU_DATA_DIR (or move the old one away first).`,
    );
  }
  const database = await openDatabase({ dataDir, loadDataDir: await readBackup(file) });
  await database.close();
}

async function readBackup(file: string): Promise<Blob> {
  return new Blob([await readFile(file)]);
}

/** The app's tables (schema public, migration bookkeeping aside), parents before children. */
export async function appTables(db: Executor): Promise<string[]> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
      and table_name not like 'kysely_migration%'
    order by table_name`.execute(db);
  const { rows: edges } = await sql<{ child: string; parent: string }>`
    select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'f' and n.nspname = 'public'`.execute(db);
  const names = tables.map((t) => t.name);
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const e of edges) if (e.child === name && e.parent !== name) visit(e.parent);
    visiting.delete(name);
    ordered.push(name);
  };
  names.forEach(visit);
  return ordered.filter((n) => names.includes(n));
}

/**
 * A checksum of every app table's rows (as JSON, in UTC, in a fixed order): two databases with
 * the same checksums hold the same data, whichever engine each runs on.
 */
export async function tableChecksums(database: Database): Promise<Record<string, string>> {
  return database.db.transaction().execute(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx);
    const sums: Record<string, string> = {};
    for (const table of await appTables(trx)) {
      const { rows } = await sql<{ sum: string | null; n: number }>`
        select md5(coalesce(string_agg(x, E'\n' order by x), '')) as sum, count(*)::int as n
        from (select row_to_json(t)::text as x from ${sql.table(table)} t) s`.execute(trx);
      sums[table] = `${rows[0]?.n ?? 0}:${rows[0]?.sum ?? ''}`;
    }
    return sums;
  });
}

/**
 * Copies every app table of an embedded database into a PostgreSQL database: migrates the target
 * to the same version first, refuses one that already holds people, copies parents before children
 * in one transaction, then moves each id sequence past the copied ids. Returns rows per table.
 */
export async function copyEmbeddedToPostgres(
  from: Database,
  to: Database,
): Promise<Record<string, number>> {
  if (from.kind !== 'embedded' || to.kind !== 'postgres') {
    throw new DatabaseConfigError('Moving copies an embedded database into PostgreSQL.');
  }
  await migrateToLatest(from.db);
  await migrateToLatest(to.db);
  const tables = await appTables(to.db);
  // Migrations write some rows themselves (default settings); nobody in `staff` means nothing
  // else is there yet, and those rows are replaced by the copied ones.
  const someone = await to.db.selectFrom('staff').select('id').limit(1).executeTakeFirst();
  if (someone) {
    throw new DatabaseConfigError(
      'The PostgreSQL database already holds data (staff): move into an empty database.',
    );
  }
  const copied: Record<string, number> = {};
  await to.db.transaction().execute(async (trx) => {
    for (const table of [...tables].reverse())
      await sql`delete from ${sql.table(table)}`.execute(trx);
    for (const table of tables) {
      const { rows: columns } = await sql<{ name: string }>`
        select column_name as name from information_schema.columns
        where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'
        order by ordinal_position`.execute(trx);
      const list = sql.join(columns.map((c) => sql.ref(c.name)));
      const { rows } = await sql<{ data: string | null }>`
        select json_agg(t)::text as data from ${sql.table(table)} t`.execute(from.db);
      const data = rows[0]?.data;
      copied[table] = 0;
      if (!data) continue;
      const result = await sql`
        insert into ${sql.table(table)} (${list}) overriding system value
        select ${list} from json_populate_recordset(null::${sql.table(table)}, ${data}::json)`.execute(
        trx,
      );
      copied[table] = Number(result.numAffectedRows ?? 0);
    }
    // Ids made after the move continue after the copied ones.
    const { rows: serials } = await sql<{ table: string; column: string; seq: string }>`
      select c.table_name as table, c.column_name as column,
        pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as seq
      from information_schema.columns c
      where c.table_schema = 'public'
        and pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) is not null`.execute(
      trx,
    );
    for (const s of serials) {
      await sql`select setval(${s.seq}, coalesce((select max(${sql.ref(s.column)}) from ${sql.table(
        s.table,
      )}), 0) + 1, false)`.execute(trx);
    }
  });
  return copied;
}

/** Restores an embedded backup file into a PostgreSQL database (moving a demo that became real). */
export async function restoreEmbeddedIntoPostgres(
  file: string,
  to: Database,
): Promise<Record<string, number>> {
  const from = await openDatabase({ dataDir: 'memory://', loadDataDir: await readBackup(file) });
  try {
    return await copyEmbeddedToPostgres(from, to);
  } finally {
    await from.close();
  }
}
