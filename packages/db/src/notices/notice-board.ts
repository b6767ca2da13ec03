/**
 * Change counters by topic in the database the instances share: one bumps a topic's counter,
 * the others see the counter move when they next look.
 */
export interface NoticeBoard {
  /** Counts one more change of `topic`; answers its new count. */
  bump(topic: string): Promise<number>;
  /** Every topic's count. */
  counts(): Promise<Map<string, number>>;
}
