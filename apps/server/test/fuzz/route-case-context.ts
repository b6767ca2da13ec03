import type { HttpCase } from './fuzz-case';

export interface RouteCaseContext {
  /** A stored file's name, an uploaded image's id and a generation (task) id to aim at. */
  fileName: string;
  assetId: string;
  exportId: string;
}

/** A GET case. */
export const getCase = (
  target: string,
  label: string,
  path: string,
  extra: Partial<HttpCase> = {},
): HttpCase => ({
  kind: 'http',
  label,
  target,
  method: 'GET',
  path,
  ...extra,
});
