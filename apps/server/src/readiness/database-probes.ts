/** What `/readyz` asks of the database, whichever it is. */
export interface DatabaseProbes {
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** The migrations this version ships that the database has not applied, by tag. */
  pendingMigrations(): Promise<string[]>;
  /**
   * Whether the connection that hears the other instances (PostgreSQL's LISTEN) is listening
   * now; absent where there is none.
   */
  listening?: () => boolean;
}
