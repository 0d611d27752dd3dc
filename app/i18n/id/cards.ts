// Indonesian texts: cards.
export const cards = {
} as const;
