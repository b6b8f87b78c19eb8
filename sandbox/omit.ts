// Public views drop the sandbox's private bookkeeping fields from a record.
export function omit<T extends object, K extends keyof T>(obj: T, keys: readonly K[]): Omit<T, K> {
  const out: Partial<T> = { ...obj };
  for (const k of keys) delete out[k];
  return out as Omit<T, K>;
}
