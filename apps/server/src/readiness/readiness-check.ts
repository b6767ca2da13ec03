/** One thing the instance needs before it takes traffic (the database, storage, …). */
export interface ReadinessCheck {
  /** Its key in the `/readyz` answer. */
  name: string;
  /** Null when ready; else why not, in words anyone may read. Rejects when it cannot tell. */
  run(): Promise<string | null>;
  /** Why not, when `run` rejected: words anyone may read (no stack, path or secret). */
  explain(error: unknown): string;
}
