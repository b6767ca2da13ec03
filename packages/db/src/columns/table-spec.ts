import type { Column, SQL } from 'drizzle-orm';
import type { AnyColumnSpec } from './column-spec';

export type ColumnSpecs = Record<string, AnyColumnSpec>;

type IndexTarget = Column | SQL;

/** An index (optionally partial or unique), described once; each dialect builds its own. */
export class IndexSpec {
  constructor(
    readonly unique: boolean,
    readonly name: string,
    readonly targets: [IndexTarget, ...IndexTarget[]],
    readonly condition: SQL | undefined = undefined,
  ) {}

  /** Makes it a partial index: only rows where `condition` holds. */
  where(condition: SQL): IndexSpec {
    return new IndexSpec(this.unique, this.name, this.targets, condition);
  }
}

/** A primary key over several columns. */
export interface PrimaryKeySpec {
  primaryKeyOf: [Column, ...Column[]];
}

export type ConstraintSpec = IndexSpec | PrimaryKeySpec;

/** The built table's columns, as the constraints see them: any dialect's. */
export type SpecColumns<C extends ColumnSpecs> = { [K in keyof C]: Column };

export interface TableSpec<N extends string, C extends ColumnSpecs> {
  readonly name: N;
  readonly columns: C;
  // A method, so that any table's spec is an AnyTableSpec.
  constraints(table: SpecColumns<C>): ConstraintSpec[];
}

export type AnyTableSpec = TableSpec<string, ColumnSpecs>;

/** A table's name, columns and indexes, for every dialect. */
export function tableSpec<N extends string, C extends ColumnSpecs>(
  name: N,
  columns: C,
  constraints: (table: SpecColumns<C>) => ConstraintSpec[] = () => [],
): TableSpec<N, C> {
  return { name, columns, constraints };
}

const indexOn = (unique: boolean, name: string) => ({
  on: (...targets: [IndexTarget, ...IndexTarget[]]) => new IndexSpec(unique, name, targets),
});

export const index = (name: string) => indexOn(false, name);
export const uniqueIndex = (name: string) => indexOn(true, name);
export const primaryKey = (...columns: [Column, ...Column[]]): PrimaryKeySpec => ({
  primaryKeyOf: columns,
});
