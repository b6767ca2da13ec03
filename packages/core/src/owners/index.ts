export { ownerCondition } from './owner-condition';
export { ownsRow } from './owns-row';
export { mayReadFile } from './may-read-file';
