/** Class names the settings sections share. */
export const card =
  'flex flex-col gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900';
export const table = 'w-full text-left text-sm';
export const headCell = 'py-1 pr-3 text-xs font-medium text-stone-600 dark:text-stone-400';
export const cell = 'py-1.5 pr-3 align-top';
export const row = 'border-t border-stone-100 dark:border-stone-800';
export const button =
  'rounded-md border border-stone-300 px-2.5 py-1 text-sm hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800';
export const primaryButton =
  'rounded-md bg-amber-400 px-3 py-1.5 text-sm font-semibold text-stone-950 hover:bg-amber-300 disabled:cursor-not-allowed disabled:opacity-50';
export const dangerButton =
  'rounded-md bg-rose-600 px-2.5 py-1 text-sm font-semibold text-white hover:bg-rose-500 disabled:opacity-50';
export const muted = 'text-xs text-stone-600 dark:text-stone-400';
export const alert = 'text-sm text-rose-700 dark:text-rose-300';
