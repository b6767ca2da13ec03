import type { AnyTableSpec } from './table-spec';
import type { ColumnReference, ColumnRuntimeConfig } from './column-spec';

/** What both dialects' drizzle column builders offer, with `Column` their column type. */
export interface ChainBuilder<Column> {
  notNull(): ChainBuilder<Column>;
  primaryKey(): ChainBuilder<Column>;
  default(value: unknown): ChainBuilder<Column>;
  unique(): ChainBuilder<Column>;
  references(
    ref: () => Column,
    actions: { onDelete?: ColumnReference['onDelete'] },
  ): ChainBuilder<Column>;
}

/** A dialect's builder for one table spec, and its tables as built so far. */
export interface Dialect<Column> {
  base(config: ColumnRuntimeConfig): ChainBuilder<Column>;
  tableOf(spec: AnyTableSpec): unknown;
}

/** A spec's column's builder, with its constraints applied as drizzle's chain would. */
export function chainColumn<Column>(
  dialect: Dialect<Column>,
  config: ColumnRuntimeConfig,
): ChainBuilder<Column> {
  let builder = dialect.base(config);
  const { references } = config;
  if (config.kind !== 'serial') {
    if (config.notNull) builder = builder.notNull();
    if (config.primaryKey) builder = builder.primaryKey();
  }
  if (config.default) builder = builder.default(config.default.value);
  if (config.unique) builder = builder.unique();
  if (references) {
    const target = () => {
      const table = dialect.tableOf(references.table()) as Record<string, Column | undefined>;
      const column = table[references.column];
      if (!column) throw new Error(`${references.table().name} has no column ${references.column}`);
      return column;
    };
    builder = builder.references(target, { onDelete: references.onDelete });
  }
  return builder;
}

/** Builds each spec's table once, so references between tables meet the same objects. */
export function oncePerSpec<Table>(
  build: (spec: AnyTableSpec) => Table,
): (spec: AnyTableSpec) => Table {
  const built = new WeakMap<AnyTableSpec, Table>();
  return (spec) => {
    let table = built.get(spec);
    if (table === undefined) {
      table = build(spec);
      built.set(spec, table);
    }
    return table;
  };
}
