// The status classes the charts separate. They are the values RequestLog.statusClass
// holds (lib/mono/request-log.ts statusClassOf). Pure module, shared with the browser.
export const STATUS_CLASSES = ["2xx", "4xx", "409", "429", "5xx", "network", "other"] as const;
export type TStatusClassName = (typeof STATUS_CLASSES)[number];

export function isStatusClass(v: string): v is TStatusClassName {
  return (STATUS_CLASSES as readonly string[]).includes(v);
}

/** Anything but a clean 2xx is an error for the error rate: 4xx, 409 and 429 included. */
export function isErrorClass(c: string): boolean {
  return c !== "2xx";
}

/** The rollup rows that sum every endpoint (no real endpoint template starts with "*"). */
export const ALL_ENDPOINTS = "*";
