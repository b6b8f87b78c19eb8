import "server-only";
import KSUID from "ksuid";
import { randomBytes } from "node:crypto";

const B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// Our own ids follow Mono's shape: a prefix, an underscore and 22 base-62 characters.
export function newId(prefix: string): string {
  const bytes = randomBytes(22);
  let out = "";
  for (const b of bytes) out += B62[b % 62];
  return `${prefix}_${out}`;
}

// Request ids are KSUIDs (time-sortable), prefixed so people can tell them apart: req_<ksuid>.
export function newRequestId(): string {
  return `req_${KSUID.randomSync().string}`;
}
