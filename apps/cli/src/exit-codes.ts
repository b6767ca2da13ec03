/** What `genhub` exits with; scripts branch on these, so they never change meaning. */
export const exitCodes = {
  ok: 0,
  /** A task or plan ended failed, canceled or partial, or the server refused the request. */
  failed: 1,
  /** Bad flags or arguments, or input the server rejected as invalid. */
  usage: 2,
  /** Not logged in, or the key was refused. */
  auth: 3,
  notFound: 4,
  /** The server could not be reached or is unavailable. */
  network: 5,
  /** Ctrl-C: stopped waiting (the task keeps running unless --cancel-on-interrupt). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

export const exitCodesHelp = `Exit codes:
  0    success
  1    a task or plan failed (or was canceled), or the server refused the request
  2    usage error: bad flags or arguments, or input the server rejected
  3    not logged in, or the API key was refused
  4    not found (no such task or plan)
  5    the server could not be reached
  130  interrupted (Ctrl-C); the task keeps running unless --cancel-on-interrupt`;
