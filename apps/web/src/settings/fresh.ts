/** Settings lists are not kept current by a subscription: fetch them again each time they show. */
export const fresh = { refetchOnMount: 'always' } as const;
