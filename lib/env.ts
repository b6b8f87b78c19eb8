import "server-only";
import { readEnv, type TEnv } from "./env-schema";

// Application code reads configuration from here, never from process.env.
export const env: TEnv = readEnv(process.env);
export type { TEnv };
