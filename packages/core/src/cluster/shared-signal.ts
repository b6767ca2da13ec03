import { Signal } from '../events/signal';
import type { Notices, NoticeTopic } from './notices';

/** A signal that also fires in the other instances sharing the database, and hears theirs. */
export class SharedSignal extends Signal {
  private readonly unlisten: () => void;

  constructor(
    private readonly notices: Notices,
    private readonly topic: NoticeTopic,
  ) {
    super();
    this.unlisten = notices.on(topic, () => super.emit());
  }

  override emit(): void {
    super.emit();
    this.notices.send(this.topic);
  }

  close(): void {
    this.unlisten();
  }
}
