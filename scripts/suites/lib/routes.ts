// Finds every route handler file under app/api (the way tests/integration/api/route-matrix.test.ts
// does) and turns its path into a matcher. Also reads, from the source text, what each exported
// handler declares to withApi (body / query / params schemas, idempotent), so the fuzzer knows
// which inputs a handler validates at all.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type TMethod = (typeof METHODS)[number];

export type TRouteFile = {
  file: string; // relative to the repository root
  urlPath: string; // /api/operations/[id]
  paramNames: string[];
  catchAll: boolean;
  regex: RegExp;
  declared: Partial<
    Record<
      TMethod,
      {
        body: boolean;
        query: boolean;
        params: boolean;
        idempotent: boolean;
        permission: string | null;
      }
    >
  >;
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return walk(p);
    return name === "route.ts" ? [p] : [];
  });
}

export function discoverRoutes(root: string): TRouteFile[] {
  const out: TRouteFile[] = [];
  for (const abs of walk(path.join(root, "app/api"))) {
    const file = path.relative(root, abs);
    const urlPath = "/" + path.dirname(file).replace(/^app\//, "");
    const segs = urlPath.split("/").filter(Boolean);
    const paramNames: string[] = [];
    let catchAll = false;
    const re = segs
      .map((s) => {
        const m = /^\[(\.\.\.)?(\w+)\]$/.exec(s);
        if (!m) return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        paramNames.push(m[2]);
        if (m[1]) {
          catchAll = true;
          return "(.+)";
        }
        return "([^/]+)";
      })
      .join("/");
    out.push({
      file,
      urlPath,
      paramNames,
      catchAll,
      regex: new RegExp(`^/${re}/?$`),
      declared: declaredOptions(readFileSync(abs, "utf8")),
    });
  }
  // Static segments win over dynamic ones (Next's rule): /api/operations/export before /api/operations/[id].
  return out.sort(
    (a, b) => a.paramNames.length - b.paramNames.length || b.urlPath.length - a.urlPath.length,
  );
}

function declaredOptions(src: string): TRouteFile["declared"] {
  const out: TRouteFile["declared"] = {};
  for (const m of METHODS) {
    const at = src.search(new RegExp(`export const ${m}\\s*=\\s*withApi\\(`));
    if (at < 0) continue;
    // The options object literal: from the first "{" after withApi( to its matching "}".
    const open = src.indexOf("{", at);
    let depth = 0;
    let end = open;
    for (let i = open; i < src.length; i++) {
      if (src[i] === "{") depth++;
      else if (src[i] === "}" && --depth === 0) {
        end = i;
        break;
      }
    }
    const opts = src.slice(open, end + 1);
    const perm = /permission:\s*"([^"]+)"/.exec(opts)?.[1] ?? null;
    out[m] = {
      body: /\bbody:/.test(opts),
      query: /\bquery:/.test(opts),
      params: /\bparams:/.test(opts),
      idempotent: /idempotent:\s*true/.test(opts),
      permission: perm,
    };
  }
  return out;
}

export function matchRoute(
  routes: TRouteFile[],
  pathname: string,
): { route: TRouteFile; params: Record<string, string | string[]> } | null {
  for (const r of routes) {
    const m = r.regex.exec(pathname);
    if (!m) continue;
    const params: Record<string, string | string[]> = {};
    r.paramNames.forEach((n, i) => {
      const raw = m[i + 1];
      params[n] =
        r.catchAll && i === r.paramNames.length - 1
          ? raw.split("/").map(safeDecode)
          : safeDecode(raw);
    });
    return { route: r, params };
  }
  return null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
