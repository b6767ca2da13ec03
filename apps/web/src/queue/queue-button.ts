/** The small bordered button of the queue panel. */
export const queueButton =
  'rounded-md border border-stone-300 px-2 py-1 text-xs font-medium hover:bg-stone-100 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800';
