/** Browser-safe: zod schemas and plain data only. */
export * from './task';
export * from './provider';
export * from './asset';
export * from './pixel-sizes';
export * from './queue';
export * from './plan';
export * from './usage';
export * from '../costs/budget-status';
export * from './gallery';
export * from './clip-length';
export * from './webhook';
export * from './reference-limit';
