import "server-only";
import pino from "pino";
import { env } from "./env";

// Secrets and PII never reach a log line: these paths are censored wherever they appear.
export const REDACT_PATHS = [
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "password",
  "*.password",
  "passwordHash",
  "*.passwordHash",
  "apiKey",
  "*.apiKey",
  "secret",
  "*.secret",
  "token",
  "*.token",
  "cookie",
  "*.cookie",
  "*.document_number",
  "*.account_number",
];

export const logger = pino({
  level: env.NODE_ENV === "test" ? "silent" : env.LOG_LEVEL,
  base: { service: "mono-ops-console" },
  redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  timestamp: pino.stdTimeFunctions.isoTime,
});
export type TLogger = typeof logger;
