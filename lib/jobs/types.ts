// A background job: a name, an optional period, and an idempotent handler. Every handler must be
// safe to run twice and on several instances at once (they use leases and conditional updates);
// the queue's singleton policy and throttled sends keep the duplicate work small.
export type TJobDef<D extends object = Record<string, unknown>> = {
  name: string;
  everySeconds?: number; // periodic sweep; omitted for jobs only ever enqueued
  handler: (data: D) => Promise<unknown>;
};
