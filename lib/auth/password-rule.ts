export const ZPasswordRule = { min: 12, max: 200 } as const;
