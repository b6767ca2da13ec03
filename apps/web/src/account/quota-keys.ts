/** The budget bar's text keys when it shows the viewer's own monthly quota. */
export const quotaKeys = { within: 'account.quota', overrun: 'account.quotaOverrun' };
