import { mkdirSync } from 'node:fs';
import { parse, PGlite, type messages, type Results } from '@electric-sql/pglite';
import {
  createQueryId,
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
// node-postgres's writer of protocol messages: several times faster than PGlite's copy of it.
import { serialize } from 'pg-protocol';
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
 * every time cost more than running it. Its text must not vary with its values. Both engines keep
 * it as a named statement: PostgreSQL through node-postgres (`preparing`), the embedded database
 * through PGlite's wire protocol (`embeddedPreparing`).
 */
export async function executePrepared<R>(
  db: Executor,
  name: string,
  query: CompiledQuery<R>,
): Promise<QueryResult<R>> {
  const known = preparedNames.get(query.sql);
  if (known !== name) {
    if (known !== undefined) throw new Error(`Prepared statement ${known} was also named ${name}`);
    // The name goes to the database as it is: one plain word.
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`Prepared statement name ${name}`);
    if ([...preparedNames.values()].includes(name)) {
      throw new Error(`Prepared statement ${name} was written two ways; its text must be fixed`);
    }
    preparedNames.set(query.sql, name);
  }
  return db.executeQuery(query);
}

/**
 * Stands in for the value named `key` while a prepared statement's text is built; it refuses to
 * be read, so a statement that would depend on a value rather than place it fails at once.
 */
class StandIn {
  constructor(readonly key: string) {}
  toJSON(): never {
    throw new Error(`${this.key} was read while its statement was built; place it instead`);
  }
  toString(): never {
    return this.toJSON();
  }
  valueOf(): never {
    return this.toJSON();
  }
}

/**
 * A statement of a hot path, built and compiled by Kysely once: `build` gets a stand-in for each
 * value (values are flat: one level of names), which it may place in the statement but not read.
 * Each run sends the text compiled the first time, kept by executePrepared under `name`, with the
 * values in place of the stand-ins.
 * (Building and compiling the booking's statements for every booking cost the embedded
 * database, which runs everything on one thread, about as much as running them.)
 */
export function preparedStatement<V extends object, R>(
  name: string,
  build: (db: Executor, values: V) => CompiledQuery<R>,
): (db: Executor, values: V) => Promise<QueryResult<R>> {
  let compiled: CompiledQuery<R> | undefined;
  const standIns = new Proxy({} as V, {
    get: (_, key) => (typeof key === 'string' ? new StandIn(key) : undefined),
  });
  const compileOnce = (db: Executor) => {
    const query = build(db, standIns);
    // A stand-in's own property read (a nested value) would be placed as undefined.
    if (query.parameters.includes(undefined)) {
      throw new Error(`Prepared statement ${name} places an undefined value; pass values flat`);
    }
    return query;
  };
  return async (db, values) => {
    compiled ??= compileOnce(db);
    const parameters = compiled.parameters.map((p) => {
      if (!(p instanceof StandIn)) return p;
      if (!(p.key in values)) throw new Error(`Prepared statement ${name} needs ${p.key}`);
      return (values as Record<string, unknown>)[p.key];
    });
    // A query id of its own, as a query built afresh would have: plugins tell runs apart by it.
    return executePrepared(db, name, { ...compiled, queryId: createQueryId(), parameters });
  };
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
 * PGlite as the Kysely dialect sees it, keeping the statements of executePrepared as named
 * statements of its session. PGlite's own `query` has no names: it parses, describes and plans
 * each statement afresh in six calls into the database, and for the booking's statements that
 * cost more than running them. A kept statement is parsed and described once; each use is then
 * one call (bind, execute, sync), its rows read with the description kept from the first.
 */
function embeddedPreparing(pglite: PGlite): PGlite {
  const kept = new Map<string, Promise<KeptStatement>>();
  const keep = (name: string, sql: string) => {
    let statement = kept.get(name);
    if (statement === undefined) {
      statement = describeKept(pglite, name, sql);
      // A statement that failed to parse is tried again next time, not remembered as failed.
      statement.catch(() => kept.delete(name));
      kept.set(name, statement);
    }
    return statement;
  };
  const query = async <T>(sql: string, params: unknown[] = []): Promise<Results<T>> => {
    const name = preparedNames.get(sql);
    if (name === undefined) return pglite.query<T>(sql, params);
    // The same locks as PGlite's own query: nothing else runs between bind and sync.
    return pglite._runExclusiveTransaction(() =>
      pglite.runExclusive(async () => {
        const statement = await keep(name, sql);
        const values = params.map((value, i) => {
          if (value === null || value === undefined) return null;
          const toText = pglite.serializers[statement.parameterTypes[i] ?? 0];
          return toText ? toText(value) : String(value);
        });
        const { messages } = await pglite.execProtocol(
          Buffer.concat([serialize.bind({ statement: name, values }), executeAndSync]),
          { syncToFs: false },
        );
        if (!pglite.isInTransaction()) await pglite.syncToFs();
        const described = statement.rows ? [statement.rows, ...messages] : messages;
        const [result] = parse.parseResults(described, pglite.parsers);
        return result as Results<T>;
      }),
    );
  };
  return new Proxy(pglite, {
    get(target, property) {
      if (property === 'query') return query;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

type RowDescriptionMessage = messages.RowDescriptionMessage;

/** Runs the statement just bound, then ends the exchange (errors included). */
const executeAndSync = Buffer.concat([serialize.execute(), serialize.sync()]);

/** A statement the embedded session keeps: its parameters' types and its rows' description. */
interface KeptStatement {
  parameterTypes: number[];
  rows: RowDescriptionMessage | undefined;
}

/**
 * Parses `sql` into the session's statement `name` and describes it. Called with PGlite's query
 * lock held. A named statement is the session's, not the transaction's: a rollback keeps it.
 */
async function describeKept(pglite: PGlite, name: string, sql: string): Promise<KeptStatement> {
  const { messages } = await pglite.execProtocol(
    Buffer.concat([
      serialize.parse({ name, text: sql }),
      serialize.describe({ type: 'S', name }),
      serialize.sync(),
    ]),
    { syncToFs: false },
  );
  const rows = messages.find(
    (message): message is RowDescriptionMessage => message.name === 'rowDescription',
  );
  return { parameterTypes: parse.parseDescribeStatementResults(messages), rows };
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
