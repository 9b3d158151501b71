import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.ts';

/**
 * `packages/db/src/schema.ts` is written by hand next to the migrations. This test reads it with
 * the TypeScript parser and compares it with the migrated database, so a migration that adds,
 * drops or changes a column cannot leave the types Kysely checks our queries against behind.
 */

const database = useTestDatabase();

interface DeclaredColumn {
  /** The column may hold NULL ('either' for columns read as `unknown`, such as jsonb details). */
  nullable: boolean | 'either';
  /** An insert may leave the column out (the database fills it in). */
  optionalOnInsert: boolean;
}

type DeclaredTables = Map<string, Map<string, DeclaredColumn>>;

const schemaFile = fileURLToPath(new URL('../../packages/db/src/schema.ts', import.meta.url));

/** Reads the `DB` interface and the table interfaces it names from schema.ts. */
function declaredTables(): DeclaredTables {
  const source = ts.createSourceFile(
    schemaFile,
    readFileSync(schemaFile, 'utf8'),
    ts.ScriptTarget.Latest,
  );
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  const aliases = new Map<string, ts.TypeNode>();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
    if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, node.type);
  });

  /** Follows local aliases (Timestamp, TimestampDefault, …) down to what they stand for. */
  const resolve = (type: ts.TypeNode): ts.TypeNode => {
    if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
      const alias = aliases.get(type.typeName.text);
      if (alias && !type.typeArguments) return resolve(alias);
    }
    return type;
  };
  const members = (type: ts.TypeNode): ts.TypeNode[] => {
    const resolved = resolve(type);
    return ts.isUnionTypeNode(resolved) ? resolved.types.flatMap(members) : [resolved];
  };
  const isNull = (type: ts.TypeNode) =>
    ts.isLiteralTypeNode(type) && type.literal.kind === ts.SyntaxKind.NullKeyword;
  const isUndefined = (type: ts.TypeNode) => type.kind === ts.SyntaxKind.UndefinedKeyword;
  const isUnknown = (type: ts.TypeNode) => type.kind === ts.SyntaxKind.UnknownKeyword;
  const generic = (type: ts.TypeNode, name: string) =>
    ts.isTypeReferenceNode(type) &&
    ts.isIdentifier(type.typeName) &&
    type.typeName.text === name &&
    type.typeArguments
      ? [...type.typeArguments]
      : undefined;

  const column = (type: ts.TypeNode): DeclaredColumn => {
    const resolved = resolve(type);
    const generated = generic(resolved, 'Generated');
    if (generated) return { ...column(generated[0]!), optionalOnInsert: true };
    const columnType = generic(resolved, 'ColumnType');
    if (columnType) {
      const [select, insert] = columnType;
      const read = members(select!);
      return {
        nullable: read.some(isUnknown) ? 'either' : read.some(isNull),
        optionalOnInsert: members(insert!).some(isUndefined),
      };
    }
    return { nullable: members(resolved).some(isNull), optionalOnInsert: false };
  };

  const database = interfaces.get('DB');
  if (!database) throw new Error('schema.ts declares no DB interface');
  const tables: DeclaredTables = new Map();
  for (const member of database.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isIdentifier(member.name)) continue;
    const tableType = member.type;
    if (!ts.isTypeReferenceNode(tableType) || !ts.isIdentifier(tableType.typeName)) continue;
    const table = interfaces.get(tableType.typeName.text);
    if (!table)
      throw new Error(`schema.ts names ${tableType.typeName.text} but does not declare it`);
    const columns = new Map<string, DeclaredColumn>();
    for (const property of table.members) {
      if (!ts.isPropertySignature(property) || !property.type) continue;
      if (!ts.isIdentifier(property.name)) continue;
      columns.set(property.name.text, column(property.type));
    }
    tables.set(member.name.text, columns);
  }
  return tables;
}

interface DatabaseColumn {
  table_name: string;
  column_name: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
  is_identity: 'YES' | 'NO';
}

async function migratedTables(): Promise<Map<string, Map<string, DatabaseColumn>>> {
  const { rows } = await sql<DatabaseColumn>`
    select table_name, column_name, is_nullable, column_default, is_identity
    from information_schema.columns
    where table_schema = current_schema()
      and table_name not like 'kysely_%'
    order by table_name, ordinal_position
  `.execute(database.current.db);
  const tables = new Map<string, Map<string, DatabaseColumn>>();
  for (const row of rows) {
    const columns = tables.get(row.table_name) ?? new Map<string, DatabaseColumn>();
    columns.set(row.column_name, row);
    tables.set(row.table_name, columns);
  }
  return tables;
}

describe('schema.ts', () => {
  it('parses the way this test expects', () => {
    const tables = declaredTables();
    // Guards the parser itself: if it found nothing, every comparison below would pass.
    expect(tables.size).toBeGreaterThan(30);
    expect(tables.get('staff')?.get('id')).toEqual({ nullable: false, optionalOnInsert: true });
    expect(tables.get('staff')?.get('staff_number')).toEqual({
      nullable: false,
      optionalOnInsert: false,
    });
    expect(tables.get('org_unit')?.get('parent_id')).toEqual({
      nullable: true,
      optionalOnInsert: false,
    });
  });

  it('declares exactly the tables and columns the migrations create', async () => {
    const declared = declaredTables();
    const migrated = await migratedTables();
    const shape = (tables: Map<string, Map<string, unknown>>) =>
      Object.fromEntries(
        [...tables].map(([table, columns]) => [table, [...columns.keys()].sort()]).sort(),
      );
    expect(shape(declared)).toEqual(shape(migrated));
  });

  it('says NULL where the database allows it, and lets inserts omit what has a default', async () => {
    const declared = declaredTables();
    const migrated = await migratedTables();
    const mismatches: string[] = [];
    for (const [table, columns] of declared) {
      for (const [name, column] of columns) {
        const actual = migrated.get(table)?.get(name);
        if (!actual) continue; // reported by the previous test
        const nullable = actual.is_nullable === 'YES';
        if (column.nullable !== 'either' && column.nullable !== nullable) {
          mismatches.push(
            `${table}.${name}: schema.ts nullable=${column.nullable}, database ${nullable}`,
          );
        }
        const hasDefault = actual.column_default !== null || actual.is_identity === 'YES';
        // A NOT NULL column with no default must be given on insert; one with a default may be
        // left out, and the types should let the caller do so (nullable columns always may).
        if (!nullable && column.optionalOnInsert !== hasDefault) {
          mismatches.push(
            `${table}.${name}: schema.ts optional on insert=${column.optionalOnInsert}, database default=${hasDefault}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
