import type { DataSource } from '../data/data-source';
import { exec, type Unit } from '../data/unit-of-work';
import type { GenerationRow } from '../schema';

/** Stores the generations of a result, in one statement. */
export function* insertGenerations({ db, t }: DataSource, rows: GenerationRow[]): Unit<void> {
  if (rows.length === 0) return;
  yield* exec(db.insert(t.generations).values(rows));
}
