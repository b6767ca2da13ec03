export type { Notices, NoticeTopic } from './notices';
export { PollingNotices } from './polling-notices';
export { SharedSignal } from './shared-signal';
