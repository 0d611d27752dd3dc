// Indonesian texts: import.
export const memberImport = {
} as const;
