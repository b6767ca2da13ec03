const bearer = /^Bearer\s+(\S+)\s*$/i;

/** The API key in `Authorization: Bearer …`, or null. */
export const presentedKey = (header: string | undefined): string | null =>
  (header === undefined ? null : bearer.exec(header)?.[1]) ?? null;
