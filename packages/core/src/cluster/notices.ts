/** What instances sharing a database tell each other about; a notice carries nothing else. */
export type NoticeTopic = 'queue' | 'provider-keys' | 'webhooks' | 'callbacks';

/**
 * Nudges between the instances that share a database: "go and re-read this". A notice sent
 * here is heard by the other instances, not by this one (its own listeners know already).
 */
export interface Notices {
  send(topic: NoticeTopic): void;
  on(topic: NoticeTopic, listener: () => void): () => void;
}
