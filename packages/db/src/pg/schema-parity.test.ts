import {
  getTableColumns,
  getTableName,
  isTable,
  type InferInsertModel,
  type InferSelectModel,
  type Table,
} from 'drizzle-orm';
import { getTableConfig as pgConfig } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as sqlite from '../schema';
import * as pg from './schema';

type Tables<M> = { [K in keyof M as M[K] extends Table ? K : never]: M[K] };
type Selected<M> = {
  [K in keyof Tables<M>]: Tables<M>[K] extends Table ? InferSelectModel<Tables<M>[K]> : never;
};
type Inserted<M> = {
  [K in keyof Tables<M>]: Tables<M>[K] extends Table ? InferInsertModel<Tables<M>[K]> : never;
};

function tablesOf(module: Record<string, unknown>): Map<string, Table> {
  return new Map(
    Object.entries(module).flatMap(([key, value]) => (isTable(value) ? [[key, value]] : [])),
  );
}

const sqliteTables = tablesOf(sqlite);
const pgTables = tablesOf(pg);

/** What both dialects must agree on about a table, in the same shape for each. */
function shapeOf(
  table: Table,
  config: {
    name: string;
    primaryKeys: { columns: { name: string }[] }[];
    indexes: { config: { name?: string; unique: boolean } }[];
    foreignKeys: { onDelete?: string | undefined; reference: () => ForeignKeyTarget }[];
  },
) {
  return {
    name: config.name,
    columns: Object.entries(getTableColumns(table)).map(([key, column]) => ({
      key,
      name: column.name,
      notNull: column.notNull,
      primary: column.primary,
      hasDefault: column.hasDefault,
      unique: column.isUnique,
      enumValues: column.enumValues as string[] | undefined,
    })),
    primaryKey: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
    indexes: config.indexes.map((i) => ({ name: i.config.name, unique: i.config.unique })),
    foreignKeys: config.foreignKeys.map((fk) => {
      const { columns, foreignColumns } = fk.reference();
      return {
        columns: columns.map((c) => c.name),
        references: foreignColumns.map((c) => `${getTableName(c.table)}.${c.name}`),
        onDelete: fk.onDelete,
      };
    }),
  };
}

interface ForeignKeyTarget {
  columns: { name: string }[];
  foreignColumns: { name: string; table: Table }[];
}

describe('the SQLite and PostgreSQL tables', () => {
  it('are the same tables under the same export names', () => {
    expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort());
    expect(sqliteTables.size).toBe(21);
  });

  it.each([...sqliteTables.keys()])(
    '%s: same columns, names, nullability, defaults, keys and indexes',
    (key) => {
      const lite = sqliteTables.get(key);
      const post = pgTables.get(key);
      if (!lite || !post) throw new Error(`${key} is missing from a dialect`);
      expect(shapeOf(post, pgConfig(post as Parameters<typeof pgConfig>[0]))).toEqual(
        shapeOf(lite, sqliteConfig(lite as Parameters<typeof sqliteConfig>[0])),
      );
    },
  );

  it('have identical row types (checked by tsc)', () => {
    expectTypeOf<keyof Tables<typeof pg>>().toEqualTypeOf<keyof Tables<typeof sqlite>>();
    expectTypeOf<Selected<typeof pg>>().toEqualTypeOf<Selected<typeof sqlite>>();
    expectTypeOf<Inserted<typeof pg>>().toEqualTypeOf<Inserted<typeof sqlite>>();
  });
});
