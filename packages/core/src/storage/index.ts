export type { Storage } from './storage';
export { LocalDiskStorage } from './local-disk-storage';
export { FileLeases } from './file-leases';
