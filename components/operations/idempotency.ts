"use client";

import { useCallback, useRef, useState } from "react";
import { ApiError } from "../api-client";

// Idempotency keys for the console's own write endpoints.
//
// A key is minted when a form opens and reused for every resend whose outcome we do not know
// (the network dropped, a 5xx, or 409 idempotency_key_in_use while the first request is still
// running): the server then replays the stored answer instead of creating a second operation.
//
// Once the server has ANSWERED under a key (2xx or 4xx: lib/api/run-idempotent.ts stores both),
// that key is bound to that exact payload and that answer forever. Sending anything else under it
// gets 422 idempotency_key_reused, and sending the same payload replays the old answer (e.g. a
// stale "insufficient balance" or "step-up required"). So after any stored answer the next submit
// gets a new key: after a success (the form resets), after a 409 duplicate_suspected (the confirmed
// resubmit adds duplicateReason, i.e. a different payload) and after the 403 step_up_required of a
// decision (the retry after re-entering the password must really run again).

export function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; plain-http intranet hosts get a v4 UUID by hand.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// True when the server stored an answer under the key (so the key must not be reused).
export function answerWasStored(err: unknown): boolean {
  if (!(err instanceof ApiError)) return false; // network error, abort: outcome unknown
  const { status, code } = err.problem;
  if (status >= 500) return false; // released by the server: resend under the same key
  if (code === "idempotency_key_in_use") return false; // the first request is still running
  return true;
}

// One key per open form. `settle(error?)` after each answer rotates it when the server stored one.
export function useIdempotencyKey() {
  const [key, setKey] = useState(newKey);
  const settle = useCallback((error?: unknown) => {
    if (error === undefined || answerWasStored(error)) setKey(newKey());
  }, []);
  return { key, settle };
}

// Keys for repeated one-click actions (approve/reject, edit): one per scope (e.g. operation id +
// decision) while its outcome is unknown, a fresh one after each stored answer.
export function useKeyRing() {
  const ring = useRef(new Map<string, string>());
  const keyFor = useCallback((scope: string) => {
    let k = ring.current.get(scope);
    if (!k) ring.current.set(scope, (k = newKey()));
    return k;
  }, []);
  const settle = useCallback((scope: string, error?: unknown) => {
    if (error === undefined || answerWasStored(error)) ring.current.delete(scope);
  }, []);
  return { keyFor, settle };
}
