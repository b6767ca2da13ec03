/** The server settings every push benchmark starts its server processes with. */
export function benchServerEnv(subscribers: number, delayMs: number): Record<string, string> {
  return {
    LOCAL_PROVIDER_DELAY_MS: String(delayMs),
    LOG_LEVEL: 'warn',
    // As `pnpm start` runs it: two malloc arenas keep image buffers from spreading memory.
    MALLOC_ARENA_MAX: '2',
    // Every subscriber is this one address.
    WS_MAX_CONNECTIONS_PER_CLIENT: String(subscribers + 10),
  };
}
