/** The lightbox's button look. */
export const lightboxButton =
  'rounded-md border border-stone-600 px-3 py-1.5 text-sm hover:bg-stone-800 disabled:opacity-50';
