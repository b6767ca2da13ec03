import { assetContentCases } from './asset-link-cases';
import type { Rng } from './create-rng';
import { exportCases } from './export-cases';
import { fileCases } from './file-cases';
import type { HttpCase } from './fuzz-case';
import type { RouteInfo } from './list-routes';
import { genericCases, miscCases } from './misc-route-cases';
import type { RouteCaseContext } from './route-case-context';

export type { RouteCaseContext } from './route-case-context';

/** Every plain HTTP route: files, signed asset links, the ZIP export, health, the unknown. */
export function routeCases(rng: Rng, ctx: RouteCaseContext, routes: RouteInfo[]): HttpCase[] {
  return [
    ...fileCases(rng, ctx),
    ...assetContentCases(rng, ctx),
    ...exportCases(rng, ctx),
    ...miscCases(rng),
    ...genericCases(rng, routes),
  ];
}
