export type { OpenedFile, StagedFile, Storage } from './storage';
export { LocalDiskStorage } from './local-disk-storage';
export { S3Storage, type S3StorageOptions } from './s3-storage';
export { S3Error } from './s3-error';
export { RangeNotSatisfiableError, resolveByteRange, type ByteRange } from './byte-range';
export { contentTypeOf } from './content-type-of';
export { isStorageName, UnsafeStorageNameError } from './storage-name';
export { FileLeases } from './file-leases';
