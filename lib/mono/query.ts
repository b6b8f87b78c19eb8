import "server-only";

// Query strings the way Mono's list endpoints take them (contract.ts): nested objects as bracket
// params (`inserted_at[from]=…`, `sort[field]=inserted_at`), arrays as `state[]=a&state[]=b`.
// undefined and null are left out, so optional filters can be passed straight through.

export type TQueryValue =
  string | number | boolean | null | undefined | TQueryValue[] | { [k: string]: TQueryValue };
export type TQuery = Record<string, TQueryValue>;

function add(params: URLSearchParams, key: string, value: TQueryValue): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const v of value) add(params, `${key}[]`, v);
  } else if (typeof value === "object") {
    for (const [k, v] of Object.entries(value)) add(params, `${key}[${k}]`, v);
  } else {
    params.append(key, String(value));
  }
}

export function encodeQuery(query: TQuery | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) add(params, k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** Fills a route template ("GET /v1/accounts/{id}/balances") with URL-encoded ids. */
export function fillPath(route: string, params: Record<string, string> = {}): string {
  const template = route.slice(route.indexOf(" ") + 1);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined || v === "") throw new Error(`Missing path parameter ${name} for ${route}`);
    return encodeURIComponent(v);
  });
}
