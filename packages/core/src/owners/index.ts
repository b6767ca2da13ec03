export { ownerCondition } from './owner-condition';
export { ownsRow } from './owns-row';
