/** One HTTP request of the fuzz. */
export interface HttpCase {
  kind: 'http';
  /** What it is, for a failure report (with its index in the run). */
  label: string;
  /** The procedure path or route pattern it aims at, for coverage and grouping. */
  target: string;
  method: string;
  /** The request target as sent, already encoded. */
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
  /** Send no Host header. */
  noHost?: boolean;
  /** An event stream: read its first bytes, then hang up. */
  stream?: boolean;
  /** The body stops short of its Content-Length: waiting for the rest is no stall. */
  incomplete?: boolean;
  /** Why a 2xx answer would be a security failure. */
  mustFail?: string;
}

/** What a WebSocket case waits for: the first reply to each of these ids. */
export interface WsCall {
  id: unknown;
  /** Stopped once started. */
  subscription: boolean;
}

/** One or more frames on a tRPC WebSocket, or an upgrade attempt. */
export interface WsCase {
  kind: 'ws';
  label: string;
  target: string;
  /** Upgrade path and headers; a case with either runs on a socket of its own. */
  path?: string;
  headers?: Record<string, string>;
  frames: (string | Buffer)[];
  calls: WsCall[];
  /** The reply is an error without an id (a frame that does not parse). */
  nullIdError?: boolean;
  /** The server may close the socket (a frame over the size limit, bad connection params). */
  mayClose?: boolean;
  /** Why an opened socket would be a security failure. */
  mustFail?: string;
  /** Why the (first) call must end in an error. */
  mustError?: string;
}

export type FuzzCase = HttpCase | WsCase;
