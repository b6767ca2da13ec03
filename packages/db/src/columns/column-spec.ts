import type { SQL } from 'drizzle-orm';
import type { AnyTableSpec } from './table-spec';

/**
 * How a column is stored, independent of the dialect. `sqlite-table.ts` and `pg-table.ts` map
 * each kind to their own column type; what a row holds in JavaScript is the same on both.
 */
export type ColumnKind =
  /** Text, optionally limited to an enum. */
  | 'text'
  /** A 32-bit integer on PostgreSQL: counts, sizes in pixels, small settings. */
  | 'int'
  /** A 53-bit integer (a JavaScript number): epoch milliseconds, durations, byte counts. */
  | 'int53'
  | 'bool'
  /** JSON, parsed: jsonb on PostgreSQL. */
  | 'json'
  /** JSON kept as written (key order and all): json on PostgreSQL. */
  | 'exactJson'
  | 'real'
  /** A Date, stored to the millisecond. */
  | 'time'
  /** An integer primary key the database assigns, in increasing order. */
  | 'serial';

export type EnumValues = [string, ...string[]];

/** A readonly tuple of strings as the mutable one drizzle's text enums are typed with. */
type Mutable<E extends Readonly<EnumValues>> = E extends readonly [
  infer H extends string,
  ...infer R extends string[],
]
  ? [H, ...R]
  : never;

export interface ColumnTypeConfig {
  name: string;
  kind: ColumnKind;
  enumValues: EnumValues | undefined;
}

type KindData<T extends ColumnTypeConfig> = T['kind'] extends 'text'
  ? T['enumValues'] extends EnumValues
    ? T['enumValues'][number]
    : string
  : T['kind'] extends 'bool'
    ? boolean
    : T['kind'] extends 'json' | 'exactJson'
      ? unknown
      : T['kind'] extends 'time'
        ? Date
        : number;

/** What the column holds in JavaScript. */
export type ColumnData<T extends ColumnTypeConfig> = T extends { $type: infer U } ? U : KindData<T>;

export type ReferenceAction = 'cascade' | 'restrict' | 'no action' | 'set null' | 'set default';

export interface ColumnReference {
  /** The referenced table's spec; a thunk, so tables may refer to ones defined later. */
  table: () => AnyTableSpec;
  column: string;
  onDelete: ReferenceAction | undefined;
}

export interface ColumnRuntimeConfig {
  name: string;
  kind: ColumnKind;
  enumValues: EnumValues | undefined;
  notNull: boolean;
  primaryKey: boolean;
  unique: boolean;
  default: { value: unknown } | undefined;
  references: ColumnReference | undefined;
}

/**
 * One column, described once for every dialect. The chain mirrors drizzle's column builders;
 * the type parameter records what drizzle's builder types would, so each dialect can build the
 * exact drizzle column from it.
 */
export class ColumnSpec<T extends ColumnTypeConfig> {
  /** Type-level only: never set at runtime. */
  declare readonly _: T;

  constructor(readonly config: Readonly<ColumnRuntimeConfig>) {}

  private with<U extends ColumnTypeConfig>(change: Partial<ColumnRuntimeConfig>): ColumnSpec<U> {
    return new ColumnSpec<U>({ ...this.config, ...change });
  }

  notNull(): ColumnSpec<T & { notNull: true }> {
    return this.with({ notNull: true });
  }

  default(value: ColumnData<T> | SQL): ColumnSpec<T & { hasDefault: true }> {
    return this.with({ default: { value } });
  }

  primaryKey(): ColumnSpec<T & { notNull: true; primaryKey: true }> {
    return this.with({ primaryKey: true, notNull: true });
  }

  $type<U>(): ColumnSpec<T & { $type: U }> {
    return this.with({});
  }

  unique(): ColumnSpec<T> {
    return this.with({ unique: true });
  }

  references<S extends AnyTableSpec>(
    table: () => S,
    column: keyof S['columns'] & string,
    actions: { onDelete?: ReferenceAction } = {},
  ): ColumnSpec<T> {
    return this.with({ references: { table, column, onDelete: actions.onDelete } });
  }
}

export type AnyColumnSpec = ColumnSpec<ColumnTypeConfig>;

function column<N extends string, K extends ColumnKind, E extends EnumValues | undefined>(
  name: N,
  kind: K,
  enumValues: E,
): ColumnSpec<{ name: N; kind: K; enumValues: E }> {
  return new ColumnSpec({
    name,
    kind,
    enumValues,
    notNull: false,
    primaryKey: false,
    unique: false,
    default: undefined,
    references: undefined,
  });
}

/** The column kinds, by the name each table spec uses. */
export const col = {
  text: <N extends string>(name: N) => column(name, 'text', undefined),
  /** Text limited to `values` (not checked by the database, like drizzle's text enums). */
  enum: <N extends string, const E extends Readonly<EnumValues>>(name: N, values: E) =>
    column(name, 'text', [...values] as unknown as Mutable<E>),
  int: <N extends string>(name: N) => column(name, 'int', undefined),
  int53: <N extends string>(name: N) => column(name, 'int53', undefined),
  /** Epoch milliseconds; every time column of the app's own tables uses it. */
  epochMs: <N extends string>(name: N) => column(name, 'int53', undefined),
  bool: <N extends string>(name: N) => column(name, 'bool', undefined),
  json: <N extends string>(name: N) => column(name, 'json', undefined),
  exactJson: <N extends string>(name: N) => column(name, 'exactJson', undefined),
  real: <N extends string>(name: N) => column(name, 'real', undefined),
  time: <N extends string>(name: N) => column(name, 'time', undefined),
  serial: <N extends string>(name: N) =>
    new ColumnSpec<{
      name: N;
      kind: 'serial';
      enumValues: undefined;
      notNull: true;
      hasDefault: true;
      primaryKey: true;
    }>({ ...column(name, 'serial', undefined).config, notNull: true, primaryKey: true }),
};

/**
 * What a column's chain adds to a drizzle builder's type, as drizzle's own `NotNull`,
 * `HasDefault`, `IsPrimaryKey` and `$Type` add it.
 */
export type BuilderFlags<T extends ColumnTypeConfig> = (T extends { notNull: true }
  ? { _: { notNull: true } }
  : unknown) &
  (T extends { hasDefault: true } ? { _: { hasDefault: true } } : unknown) &
  (T extends { primaryKey: true } ? { _: { isPrimaryKey: true } } : unknown) &
  (T extends { $type: infer U } ? { _: { $type: U } } : unknown);

/** The enum of a text column, as drizzle types it (any string when it has none). */
export type EnumOf<T extends ColumnTypeConfig> = T['enumValues'] extends EnumValues
  ? T['enumValues']
  : [string, ...string[]];
