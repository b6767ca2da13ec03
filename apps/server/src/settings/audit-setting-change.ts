import type { DataSource, Unit } from '@genhub/db';
import { recordAudit } from '../auth/record-audit';
import type { SettingsActor } from './provider-key-types';

/** The audit row of a setting set or cleared: its name, never its value. */
export function* auditSettingChange(
  tx: DataSource,
  change: { name: string; actor: SettingsActor; at: number; action: 'set' | 'clear' },
): Unit<void> {
  const { name, actor, at, action } = change;
  yield* recordAudit(
    tx,
    {
      kind: 'settings-changed',
      actorId: actor.actorId,
      subject: name,
      ip: actor.ip,
      detail: { name, action },
    },
    at,
  );
}
