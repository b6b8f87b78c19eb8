// A tiny path router: "/v1/accounts/:id/balances" style patterns, matched segment by segment.
import type { TRoute } from "./http";

type TCompiled = { route: TRoute; segments: string[] };

export type TMatch =
  { route: TRoute; params: Record<string, string> } | { route: null; methodMismatch: boolean };

export class Router {
  private routes: TCompiled[] = [];

  add(routes: TRoute[]): void {
    for (const route of routes)
      this.routes.push({ route, segments: route.pattern.split("/").filter(Boolean) });
  }

  match(method: string, path: string): TMatch {
    const parts = path.split("/").filter(Boolean);
    let methodMismatch = false;
    for (const { route, segments } of this.routes) {
      if (segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < segments.length; i++) {
        const s = segments[i];
        if (s.startsWith(":")) params[s.slice(1)] = decodeURIComponent(parts[i]);
        else if (s !== parts[i]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (route.method !== method) {
        methodMismatch = true;
        continue;
      }
      return { route, params };
    }
    return { route: null, methodMismatch };
  }
}
