/** Where image bytes live. Names are flat, content-addressed file names. */
export interface Storage {
  put(name: string, bytes: Uint8Array): Promise<void>;
  get(name: string): Promise<Buffer>;
  has(name: string): Promise<boolean>;
  delete(name: string): Promise<void>;
  /** The URL path a browser fetches the file from. */
  url(name: string): string;
}
