import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type IndexColumn,
  type SQLiteBooleanBuilderInitial,
  type SQLiteColumn,
  type SQLiteIntegerBuilderInitial,
  type SQLiteRealBuilderInitial,
  type SQLiteTableExtraConfigValue,
  type SQLiteTextBuilderInitial,
  type SQLiteTextJsonBuilderInitial,
  type SQLiteTimestampBuilderInitial,
} from 'drizzle-orm/sqlite-core';
import { chainColumn, oncePerSpec, type ChainBuilder, type Dialect } from './chain-column';
import type { BuilderFlags, ColumnRuntimeConfig, ColumnTypeConfig, EnumOf } from './column-spec';
import type {
  AnyTableSpec,
  ColumnSpecs,
  ConstraintSpec,
  SpecColumns,
  TableSpec,
} from './table-spec';

type SqliteBase<T extends ColumnTypeConfig> = T['kind'] extends 'text'
  ? SQLiteTextBuilderInitial<T['name'], EnumOf<T>, number | undefined>
  : T['kind'] extends 'bool'
    ? SQLiteBooleanBuilderInitial<T['name']>
    : T['kind'] extends 'json' | 'exactJson'
      ? SQLiteTextJsonBuilderInitial<T['name']>
      : T['kind'] extends 'real'
        ? SQLiteRealBuilderInitial<T['name']>
        : T['kind'] extends 'time'
          ? SQLiteTimestampBuilderInitial<T['name']>
          : SQLiteIntegerBuilderInitial<T['name']>;

/** The drizzle SQLite builder a column spec stands for, typed as if written by hand. */
export type SqliteBuilder<T extends ColumnTypeConfig> = SqliteBase<T> & BuilderFlags<T>;
export type SqliteBuilders<C extends ColumnSpecs> = { [K in keyof C]: SqliteBuilder<C[K]['_']> };

/** The part of a drizzle builder that building from a spec calls; every SQLite builder has it. */
function baseOf(config: ColumnRuntimeConfig): ChainBuilder<SQLiteColumn> {
  switch (config.kind) {
    case 'text':
      return config.enumValues ? text(config.name, { enum: config.enumValues }) : text(config.name);
    case 'bool':
      return integer(config.name, { mode: 'boolean' });
    case 'json':
    case 'exactJson':
      return text(config.name, { mode: 'json' });
    case 'real':
      return real(config.name);
    case 'time':
      return integer(config.name, { mode: 'timestamp_ms' });
    case 'serial':
      return integer(config.name).primaryKey({ autoIncrement: true });
    case 'int':
    case 'int53':
      return integer(config.name);
  }
}

const dialect: Dialect<SQLiteColumn> = { base: baseOf, tableOf: (spec) => sqliteTableOf(spec) };

function constraintOf(spec: ConstraintSpec): SQLiteTableExtraConfigValue {
  // The columns handed to the spec are this dialect's own, typed as any dialect's there.
  if ('primaryKeyOf' in spec) {
    return primaryKey({
      columns: spec.primaryKeyOf as unknown as [SQLiteColumn, ...SQLiteColumn[]],
    });
  }
  const on = spec.targets as unknown as [IndexColumn, ...IndexColumn[]];
  const builder = (spec.unique ? uniqueIndex : index)(spec.name).on(...on);
  return spec.condition ? builder.where(spec.condition) : builder;
}

function build<N extends string, C extends ColumnSpecs>(spec: TableSpec<N, C>) {
  const columns = Object.fromEntries(
    Object.entries(spec.columns).map(([key, column]) => [key, chainColumn(dialect, column.config)]),
  ) as SqliteBuilders<C>;
  return sqliteTable(spec.name, columns, (table) =>
    spec.constraints(table as unknown as SpecColumns<C>).map(constraintOf),
  );
}

// Typed per call by the caller: the spec it is given fixes the table's type.
const builtOnce = oncePerSpec<unknown>((spec: AnyTableSpec) => build(spec));

/**
 * The SQLite table of a spec: columns, indexes and keys as drizzle would have them by hand.
 * Built once per spec, so references between tables meet the same objects.
 */
export function sqliteTableOf<N extends string, C extends ColumnSpecs>(
  spec: TableSpec<N, C>,
): ReturnType<typeof build<N, C>> {
  return builtOnce(spec) as ReturnType<typeof build<N, C>>;
}
