import "server-only";
import { readEnv, type TEnv } from "./env-schema";

// Application code reads configuration from here, never from process.env. Read once, on first
// use (a request or the server's start), never at import: `next build` imports every route and
// must work with no configuration at all.
let read: TEnv | undefined;
const current = () => (read ??= readEnv(process.env));
export const env: TEnv = new Proxy({} as TEnv, {
  get: (_, key) => Reflect.get(current(), key),
  has: (_, key) => Reflect.has(current(), key),
  ownKeys: () => Reflect.ownKeys(current()),
  getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(current(), key),
});
export type { TEnv };
