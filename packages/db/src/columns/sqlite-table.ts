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
import type {
  BuilderFlags,
  ColumnReference,
  ColumnRuntimeConfig,
  ColumnTypeConfig,
  EnumOf,
} from './column-spec';
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

const built = new WeakMap<AnyTableSpec, unknown>();

function referenced(spec: AnyTableSpec, column: string): SQLiteColumn {
  const table = sqliteTableOf(spec) as unknown as Record<string, SQLiteColumn | undefined>;
  const target = table[column];
  if (!target) throw new Error(`${spec.name} has no column ${column}`);
  return target;
}

/** The part of a drizzle builder that building from a spec calls; every SQLite builder has it. */
interface ChainBuilder {
  notNull(): ChainBuilder;
  primaryKey(): ChainBuilder;
  default(value: unknown): ChainBuilder;
  unique(): ChainBuilder;
  references(
    ref: () => SQLiteColumn,
    actions: { onDelete?: ColumnReference['onDelete'] },
  ): ChainBuilder;
}

function baseOf(config: ColumnRuntimeConfig): ChainBuilder {
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

function builderOf(config: ColumnRuntimeConfig): ChainBuilder {
  let builder = baseOf(config);
  const { references } = config;
  if (config.kind !== 'serial') {
    if (config.notNull) builder = builder.notNull();
    if (config.primaryKey) builder = builder.primaryKey();
  }
  if (config.default) builder = builder.default(config.default.value);
  if (config.unique) builder = builder.unique();
  if (references) {
    builder = builder.references(() => referenced(references.table(), references.column), {
      onDelete: references.onDelete,
    });
  }
  return builder;
}

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
    Object.entries(spec.columns).map(([key, column]) => [key, builderOf(column.config)]),
  ) as SqliteBuilders<C>;
  return sqliteTable(spec.name, columns, (table) =>
    spec.constraints(table as unknown as SpecColumns<C>).map(constraintOf),
  );
}

/**
 * The SQLite table of a spec: columns, indexes and keys as drizzle would have them by hand.
 * Built once per spec, so references between tables meet the same objects.
 */
export function sqliteTableOf<N extends string, C extends ColumnSpecs>(
  spec: TableSpec<N, C>,
): ReturnType<typeof build<N, C>> {
  const existing = built.get(spec) as ReturnType<typeof build<N, C>> | undefined;
  if (existing) return existing;
  const table = build(spec);
  built.set(spec, table);
  return table;
}
