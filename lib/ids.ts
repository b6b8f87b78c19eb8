import "server-only";
import KSUID from "ksuid";
import { randomIdBytes } from "./random-pool";

const B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// Our own ids follow Mono's shape: a prefix, an underscore and 22 base-62 characters.
export function newId(prefix: string): string {
  let out = "";
  while (out.length < 22) {
    // 248 = 4 × 62: bytes from 248 up are skipped so every character is equally likely.
    for (const b of randomIdBytes(22 - out.length)) if (b < 248) out += B62[b % 62];
  }
  return `${prefix}_${out}`;
}

// Request ids are KSUIDs (time-sortable), prefixed so people can tell them apart: req_<ksuid>.
export function newRequestId(): string {
  return `req_${KSUID.fromParts(Date.now(), randomIdBytes(16)).string}`;
}
