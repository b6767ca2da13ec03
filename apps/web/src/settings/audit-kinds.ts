import { en } from '../i18n/en';
import type { RouterOutputs } from './router-types';

/** What the server says an audit event is. */
export type AuditKind = RouterOutputs['admin']['audit']['list']['items'][number]['kind'];

type Labelled = keyof typeof en.settings.audit.kinds;

// Exactly the server's kinds, each labelled: a kind the server adds without a label, or a label
// for a kind it no longer records, fails the typecheck here.
const labels: Record<AuditKind, string> & Record<Exclude<Labelled, AuditKind>, never> =
  en.settings.audit.kinds;

const isAuditKind = (key: string): key is AuditKind => Object.hasOwn(labels, key);

/** Every kind of event the audit log records, in the order the filter offers them. */
export const auditKinds: readonly AuditKind[] = Object.keys(labels).filter(isAuditKind);
