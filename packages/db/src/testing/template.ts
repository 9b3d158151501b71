import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { dumpEmbedded, openDatabase, type Database } from '../connection.ts';
import { migrateToLatest } from '../migrate.ts';

/**
 * Test databases start from a migrated template made once per run: a dump file for the embedded
 * database, a template database on PostgreSQL. Each test file then gets its own copy, so files
 * never see each other's rows and nothing is left behind.
 */
export interface TemplateInfo {
  kind: 'embedded' | 'postgres';
  /** Embedded: the dump file. PostgreSQL: the server URL and the template database's name. */
  dumpFile?: string;
  serverUrl?: string;
  templateName?: string;
}

export async function createTemplate(databaseUrl: string | undefined): Promise<{
  info: TemplateInfo;
  dispose(): Promise<void>;
}> {
  if (databaseUrl) {
    const name = `kenshu_tmpl_${process.pid}_${Date.now().toString(36)}`;
    await adminQuery(databaseUrl, `create database ${name}`);
    const database = await openDatabase({ databaseUrl: withDatabase(databaseUrl, name) });
    await migrateToLatest(database.db);
    await database.close();
    return {
      info: { kind: 'postgres', serverUrl: databaseUrl, templateName: name },
      dispose: async () => {
        await dropTestDatabases(databaseUrl, name);
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'kenshu-template-'));
  const database = await openDatabase({ dataDir: join(dir, 'db') });
  await migrateToLatest(database.db);
  await database.close();
  const dump = await dumpEmbedded(join(dir, 'db'));
  const dumpFile = join(dir, 'template.tar');
  writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  return {
    info: { kind: 'embedded', dumpFile },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh, migrated database of its own for one test file. */
export async function openFromTemplate(info: TemplateInfo): Promise<Database & { url?: string }> {
  if (info.kind === 'postgres' && info.serverUrl && info.templateName) {
    const name = `${info.templateName}_${Math.random().toString(36).slice(2, 10)}`;
    await adminQuery(info.serverUrl, `create database ${name} template ${info.templateName}`);
    const url = withDatabase(info.serverUrl, name);
    const database = await openDatabase({ databaseUrl: url, poolSize: 30 });
    return {
      ...database,
      url,
      close: async () => {
        await database.close();
        await adminQuery(info.serverUrl ?? '', `drop database if exists ${name} with (force)`);
      },
    };
  }
  if (!info.dumpFile) throw new Error('test template has neither a dump file nor a server');
  const blob = new Blob([readFileSync(info.dumpFile)]);
  return openDatabase({ dataDir: 'memory://', loadDataDir: blob });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(url: string, statement: string): Promise<void> {
  // CREATE DATABASE … TEMPLATE fails while another copy is being made; retry briefly.
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
      return;
    } catch (error) {
      const busy = error instanceof Error && /being accessed by other users/.test(error.message);
      if (!busy || attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    } finally {
      await client.end();
    }
  }
}

async function dropTestDatabases(url: string, templateName: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like $1`,
      [`${templateName}%`],
    );
    for (const { datname } of rows) {
      await client.query(`drop database if exists ${datname} with (force)`);
    }
  } finally {
    await client.end();
  }
}
