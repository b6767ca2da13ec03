/**
 * Orders strings by code unit, as SQLite's default collation does, whatever collation a
 * PostgreSQL database was created with; `null` first.
 */
export function byText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}
