import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  type PgBigInt53BuilderInitial,
  type PgBooleanBuilderInitial,
  type PgColumn,
  type PgDoublePrecisionBuilderInitial,
  type PgIntegerBuilderInitial,
  type PgJsonBuilderInitial,
  type PgJsonbBuilderInitial,
  type PgTableExtraConfigValue,
  type PgTextBuilderInitial,
  type PgTimestampBuilderInitial,
} from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { chainColumn, oncePerSpec, type ChainBuilder, type Dialect } from './chain-column';
import type { BuilderFlags, ColumnRuntimeConfig, ColumnTypeConfig, EnumOf } from './column-spec';
import type {
  AnyTableSpec,
  ColumnSpecs,
  ConstraintSpec,
  SpecColumns,
  TableSpec,
} from './table-spec';

type PgBase<T extends ColumnTypeConfig> = T['kind'] extends 'text'
  ? PgTextBuilderInitial<T['name'], EnumOf<T>>
  : T['kind'] extends 'int'
    ? PgIntegerBuilderInitial<T['name']>
    : T['kind'] extends 'bool'
      ? PgBooleanBuilderInitial<T['name']>
      : T['kind'] extends 'json'
        ? PgJsonbBuilderInitial<T['name']>
        : T['kind'] extends 'exactJson'
          ? PgJsonBuilderInitial<T['name']>
          : T['kind'] extends 'real'
            ? PgDoublePrecisionBuilderInitial<T['name']>
            : T['kind'] extends 'time'
              ? PgTimestampBuilderInitial<T['name']>
              : PgBigInt53BuilderInitial<T['name']>;

/** An identity column, as drizzle's `generatedByDefaultAsIdentity()` types it. */
type Identity<T extends ColumnTypeConfig> = T['kind'] extends 'serial'
  ? { _: { identity: 'byDefault' } }
  : unknown;

/** The drizzle PostgreSQL builder a column spec stands for, typed as if written by hand. */
export type PgBuilder<T extends ColumnTypeConfig> = PgBase<T> & BuilderFlags<T> & Identity<T>;
export type PgBuilders<C extends ColumnSpecs> = { [K in keyof C]: PgBuilder<C[K]['_']> };

/** The part of a drizzle builder that building from a spec calls; every PostgreSQL builder has it. */
function baseOf(config: ColumnRuntimeConfig): ChainBuilder<PgColumn> {
  switch (config.kind) {
    case 'text':
      return config.enumValues ? text(config.name, { enum: config.enumValues }) : text(config.name);
    case 'int':
      return integer(config.name);
    case 'bool':
      return boolean(config.name);
    case 'json':
      return jsonb(config.name);
    case 'exactJson':
      return json(config.name);
    case 'real':
      return doublePrecision(config.name);
    // Milliseconds, as the SQLite side keeps them.
    case 'time':
      return timestamp(config.name, { withTimezone: true, precision: 3, mode: 'date' });
    case 'serial':
      return bigint(config.name, { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity();
    case 'int53':
      return bigint(config.name, { mode: 'number' });
  }
}

const dialect: Dialect<PgColumn> = { base: baseOf, tableOf: (spec) => pgTableOf(spec) };

function constraintOf(spec: ConstraintSpec): PgTableExtraConfigValue {
  // The columns handed to the spec are this dialect's own, typed as any dialect's there.
  if ('primaryKeyOf' in spec) {
    return primaryKey({ columns: spec.primaryKeyOf as unknown as [PgColumn, ...PgColumn[]] });
  }
  const on = spec.targets as unknown as [PgColumn | SQL, ...(PgColumn | SQL)[]];
  const builder = (spec.unique ? uniqueIndex : index)(spec.name).on(...on);
  return spec.condition ? builder.where(spec.condition) : builder;
}

function build<N extends string, C extends ColumnSpecs>(spec: TableSpec<N, C>) {
  const columns = Object.fromEntries(
    Object.entries(spec.columns).map(([key, column]) => [key, chainColumn(dialect, column.config)]),
  ) as PgBuilders<C>;
  return pgTable(spec.name, columns, (table) =>
    spec.constraints(table as unknown as SpecColumns<C>).map(constraintOf),
  );
}

// Typed per call by the caller: the spec it is given fixes the table's type.
const builtOnce = oncePerSpec<unknown>((spec: AnyTableSpec) => build(spec));

/**
 * The PostgreSQL table of a spec, with the same property names and row types as its SQLite
 * table. Built once per spec, so references between tables meet the same objects.
 */
export function pgTableOf<N extends string, C extends ColumnSpecs>(
  spec: TableSpec<N, C>,
): ReturnType<typeof build<N, C>> {
  return builtOnce(spec) as ReturnType<typeof build<N, C>>;
}
