// A console process without Next's HTTP layer: the app/api route handlers (the same modules
// `next start` serves, wrapped by withApi) behind a plain node:http server, plus the background
// jobs exactly as instrumentation.ts starts them (pg-boss: recovery, backlog, settlement poller,
// webhook processing…). The crash suite SIGKILLs and restarts it in ~2 s without a production
// build, so the same suite runs inside `npm test`. Started as
//   node --conditions=react-server --import tsx scripts/suites/lib/route-host.ts
// with PORT and the console's environment; prints `ROUTE_HOST_READY <port>` when it serves.
import http from "node:http";
import path from "node:path";
import { NextRequest } from "next/server";
import { discoverRoutes, matchRoute } from "./routes";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../..");
const port = Number(process.env.PORT ?? 0);
const routes = discoverRoutes(root).filter((r) => !r.file.includes("[...nextauth]"));
const modules = new Map<string, Record<string, unknown>>();
for (const r of routes)
  modules.set(r.file, (await import(path.join(root, r.file))) as Record<string, unknown>);

type THandler = (
  req: NextRequest,
  ctx: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    void (async () => {
      try {
        const base = process.env.NEXTAUTH_URL ?? `http://127.0.0.1:${port}`;
        const url = new URL(req.url ?? "/", base);
        const hit = matchRoute(routes, url.pathname);
        const handler = hit
          ? (modules.get(hit.route.file)?.[req.method ?? "GET"] as THandler | undefined)
          : undefined;
        if (!hit || !handler) {
          res.writeHead(hit ? 405 : 404, { "content-type": "application/problem+json" });
          res.end(
            JSON.stringify({
              status: hit ? 405 : 404,
              code: hit ? "method_not_allowed" : "not_found",
            }),
          );
          return;
        }
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers))
          if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
        headers.set("x-forwarded-for", req.socket.remoteAddress ?? "127.0.0.1");
        const body = chunks.length ? Buffer.concat(chunks) : undefined;
        const nreq = new NextRequest(url, {
          method: req.method,
          headers,
          body: body && req.method !== "GET" && req.method !== "HEAD" ? body : undefined,
        });
        const out = await handler(nreq, { params: Promise.resolve(hit.params) });
        const buf = Buffer.from(await out.arrayBuffer());
        res.writeHead(out.status, Object.fromEntries(out.headers));
        res.end(buf);
      } catch (err) {
        console.error("route-host: unhandled", err);
        res.writeHead(500, { "content-type": "text/plain" });
        res.end("route-host failure");
      }
    })();
  });
});
server.keepAliveTimeout = 5_000;

if (process.env.JOBS_DISABLED !== "1") {
  const { startBackground } = await import("@/lib/jobs/start-background");
  await startBackground();
}
server.listen(port, "127.0.0.1", () => {
  const a = server.address();
  console.log(`ROUTE_HOST_READY ${typeof a === "object" && a ? a.port : port}`);
});
process.on("SIGTERM", () => {
  server.close();
  process.exit(0);
});
