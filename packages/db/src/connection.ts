import { mkdirSync } from 'node:fs';
import { PGlite, type Results } from '@electric-sql/pglite';
import {
  Kysely,
  PostgresDialect,
  type CompiledQuery,
  type PostgresCursor,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresQueryResult,
  type QueryResult,
  type Transaction,
} from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'embedded' | 'postgres';

/** An open database: the Kysely handle, which engine is behind it, and how to close it. */
export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

/** Either a repository runs on its own or inside a caller's transaction. */
export type Executor = Kysely<DB> | Transaction<DB>;

const INT8_OID = 20;
const NUMERIC_OID = 1700;
const DATE_OID = 1082;

// Counts come back as numbers and calendar dates as 'YYYY-MM-DD' on both engines, so code and
// tests never branch on the engine. Our int8 values (counts, sums) stay far below 2^53.
export const TYPE_PARSERS = {
  [INT8_OID]: (v: string) => Number(v),
  [NUMERIC_OID]: (v: string) => Number(v),
  [DATE_OID]: (v: string) => v,
};
for (const [oid, parse] of Object.entries(TYPE_PARSERS)) pg.types.setTypeParser(Number(oid), parse);

export interface OpenOptions {
  /** postgres://… to use a PostgreSQL server; absent to use the embedded database. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; `memory://` for a throwaway one. */
  dataDir?: string;
  /** A dump made by `dumpEmbedded`, to start an embedded database from (tests use this). */
  loadDataDir?: Blob;
  poolSize?: number;
}

/** Opens the database the configuration asks for. Fails with one clear line if it cannot. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openEmbedded(options.dataDir ?? '.data', options.loadDataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseConfigError(`DATABASE_URL is not a valid URL: ${redact(url)}`);
  }
  if (!['postgres:', 'postgresql:'].includes(parsed.protocol)) {
    throw new DatabaseConfigError(
      `DATABASE_URL must start with postgres:// (got ${parsed.protocol}//)`,
    );
  }
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Without a listener Node would crash.
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseConfigError(
      `Cannot connect to PostgreSQL at ${redact(url)}: ${reason}. Check DATABASE_URL and that the server is running.`,
    );
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparing(pool) }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/** The statements executePrepared was given: their text, and the name PostgreSQL keeps each by. */
const preparedNames = new Map<string, string>();

/**
 * Runs `query` as a statement the database parses and plans once per connection and then keeps
 * under `name`: for the large statements of a hot path (booking), where planning one afresh
 * every time cost more than running it. Its text must not vary with its values. PostgreSQL keeps
 * it as a named statement (`preparing`), the embedded database as a function (`embeddedPreparing`).
 */
export async function executePrepared<R>(
  db: Executor,
  name: string,
  query: CompiledQuery<R>,
): Promise<QueryResult<R>> {
  const known = preparedNames.get(query.sql);
  if (known !== name) {
    if (known !== undefined) throw new Error(`Prepared statement ${known} was also named ${name}`);
    // The name becomes part of SQL (the embedded database's function).
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`Prepared statement name ${name}`);
    if ([...preparedNames.values()].includes(name)) {
      throw new Error(`Prepared statement ${name} was written two ways; its text must be fixed`);
    }
    preparedNames.set(query.sql, name);
  }
  return db.executeQuery(query);
}

/** The pool as Kysely sees it, its clients sending the statements of executePrepared by name. */
function preparing(pool: pg.Pool): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PreparingClient>();
  return {
    options: pool.options,
    connect: async () => {
      const client = await pool.connect();
      let wrapped = clients.get(client);
      if (!wrapped) clients.set(client, (wrapped = new PreparingClient(client)));
      return wrapped;
    },
    end: () => pool.end(),
  };
}

class PreparingClient implements PostgresPoolClient {
  readonly #client: pg.PoolClient;

  constructor(client: pg.PoolClient) {
    this.#client = client;
  }

  get processID(): number | undefined {
    return (this.#client as { processID?: number }).processID;
  }

  query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    text: string | PostgresCursor<R>,
    parameters: readonly unknown[] = [],
  ): Promise<unknown> | PostgresCursor<R> {
    if (typeof text !== 'string') throw new Error('Kysely streams are not set up for PostgreSQL');
    const name = preparedNames.get(text);
    const values = [...parameters];
    return name === undefined
      ? this.#client.query(text, values)
      : this.#client.query({ name, text, values });
  }

  release(destroy?: boolean): void {
    this.#client.release(destroy);
  }
}

async function openEmbedded(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  // Two processes on one folder would each keep their own view and lose the other's writes.
  const lock = inMemory ? undefined : await lockDataDir(dataDir);
  if (lock && 'holderPid' in lock) throw new DataDirInUseError(lock.folder, lock.holderPid);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(inMemory ? {} : { dataDir }),
      ...(loadDataDir ? { loadDataDir } : {}),
      parsers: TYPE_PARSERS,
    });
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const db = embeddedKysely(pglite);
  return {
    db,
    kind: 'embedded',
    // Kysely's destroy does not close PGlite; an open PGlite keeps the process alive.
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
      await lock?.release();
    },
  };
}

/** Kysely over an embedded database, with executePrepared's statements kept (the benchmarks' too). */
export function embeddedKysely(pglite: PGlite): Kysely<DB> {
  return new Kysely<DB>({ dialect: new PGliteDialect(embeddedPreparing(pglite)) });
}

/**
 * PGlite as the Kysely dialect sees it, running the statements of executePrepared through a
 * function of this session made for each the first time it runs: PGlite has no named
 * statements, and PL/pgSQL keeps the plan of each statement in a function for the session,
 * which a statement sent as text never gets (there, planning took longer than running). The
 * function returns the statement's own columns and types, so its rows are the statement's.
 */
function embeddedPreparing(pglite: PGlite): PGlite {
  const calls = new Map<string, string>();
  const query = async <T>(sql: string, params?: unknown[]): Promise<Results<T>> => {
    const name = preparedNames.get(sql);
    if (name === undefined) return pglite.query<T>(sql, params);
    let call = calls.get(name);
    if (call === undefined) {
      // A function made inside a transaction would go with its rollback: make it outside one.
      if (pglite.isInTransaction()) return pglite.query<T>(sql, params);
      call = await makeStatementFunction(pglite, name, sql);
      calls.set(name, call);
    }
    return pglite.query<T>(call, params);
  };
  return new Proxy(pglite, {
    get(target, property) {
      if (property === 'query') return query;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Creates `pg_temp.kenshu_<name>`, a function that runs `sql` with its parameters and returns
 * its rows (their names and types as PostgreSQL infers them), and returns the statement that
 * calls it with the same parameters.
 */
async function makeStatementFunction(pglite: PGlite, name: string, sql: string): Promise<string> {
  const { queryParams, resultFields } = await pglite.describeQuery(sql);
  const typeNames = async (oids: number[]) =>
    (
      await pglite.query<{ name: string }>(
        `select format_type(oid, null) as name from unnest($1::oid[]) with ordinality as t(oid, i)
         order by i`,
        [oids],
      )
    ).rows.map((row) => row.name);
  const parameterTypes = await typeNames(queryParams.map((p) => p.dataTypeID));
  const columnTypes = await typeNames(resultFields.map((f) => f.dataTypeID));
  const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
  const tag = '$kenshu_statement$';
  if (sql.includes(tag)) throw new Error(`Prepared statement ${name} contains ${tag}`);
  const fn = `pg_temp.kenshu_${name}`;
  await pglite.exec(`
    create function ${fn}(${parameterTypes.join(', ')})
    returns table (${resultFields.map((f, i) => `${quote(f.name)} ${columnTypes[i]}`).join(', ')})
    -- Left to choose, PostgreSQL plans these statements afresh for their values each time.
    language plpgsql set plan_cache_mode = force_generic_plan as ${tag}
    -- The returned columns are variables too; a name in the statement means the column.
    #variable_conflict use_column
    begin
      return query ${sql}
      ;
    end ${tag}`);
  return `select * from ${fn}(${parameterTypes.map((_, i) => `$${i + 1}`).join(', ')})`;
}

/** Dumps an embedded database so another process can start from it (a migrated test template). */
export async function dumpEmbedded(dataDir: string): Promise<Blob> {
  const pglite = await PGlite.create({ dataDir });
  try {
    return await pglite.dumpDataDir('none');
  } finally {
    await pglite.close();
  }
}

/** A configuration problem worth one clear line at start-up rather than a stack trace. */
export class DatabaseConfigError extends Error {
  override name = 'DatabaseConfigError';
}

/** Another live process is using the embedded data folder (start-up prints this one line). */
export class DataDirInUseError extends DatabaseConfigError {
  override name = 'DataDirInUseError';
  readonly holderPid: number | null;

  constructor(folder: string, holderPid: number | null) {
    const who = holderPid === null ? 'another process' : `process ${holderPid}`;
    super(
      `The data folder ${folder} is in use by another Kenshu (${who}); stop it first, or give this one its own KENSHU_DATA_DIR.`,
    );
    this.holderPid = holderPid;
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
