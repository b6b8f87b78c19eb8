// Retention at size: drops the oldest day of the request log through the console's own job
// (dropExpiredPartitions) while request-id lookups run through the search route, and reports how
// long the drop took and the slowest lookup that overlapped it (a drop that blocked lookups would
// show here as a lookup as long as the drop).
import { performance } from "node:perf_hooks";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";

export async function timePartitionDrop(o: {
  ids: { req: (n: number) => string };
  rows: number;
  days: number;
}) {
  const { GET: search } = await import("../../app/api/search/route");
  const { dropExpiredPartitions, listPartitions } = await import("../../lib/partitions/maintain");
  const cookie = `next-auth.session-token=${await encode({ token: { sub: "usr_bench_viewer", sv: 1, sid: `ses_${"0".repeat(32)}`, role: "viewer", email: "bench@example.test", name: "Bench" }, secret: process.env.NEXTAUTH_SECRET! })}`;
  const parts = await listPartitions("RequestLog");
  const oldest = parts[0];
  if (!oldest) throw new Error("the request log has no day partitions");
  // Retention that covers every day but the oldest: exactly one partition falls out.
  const now = new Date();
  const keepDays = Math.floor((now.getTime() - oldest.day.getTime()) / 86_400_000) - 1;

  let stop = false;
  let lookups = 0;
  let maxDuring = 0;
  let dropStart = Infinity;
  let dropEnd = Infinity;
  const lookupLoop = async () => {
    while (!stop) {
      // Lookups of recent rows (the newest third): they must not wait for the drop.
      const i = o.rows - 1 - Math.floor(Math.random() * (o.rows / 3));
      const t = performance.now();
      const res = await search(
        new NextRequest(new URL(`/api/search?q=${o.ids.req(i)}`, "http://localhost:3000"), {
          headers: { cookie },
        }),
        { params: Promise.resolve({}) },
      );
      await res.text();
      const end = performance.now();
      if (res.status !== 200) throw new Error(`lookup during the drop → ${res.status}`);
      if (end > dropStart && t < dropEnd) {
        lookups++;
        maxDuring = Math.max(maxDuring, end - t);
      }
    }
  };
  const loops = [lookupLoop(), lookupLoop()];
  await new Promise((r) => setTimeout(r, 200));
  dropStart = performance.now();
  const r = await dropExpiredPartitions({
    now,
    days: { RequestLog: keepDays, WebhookEvent: 36500 },
  });
  dropEnd = performance.now();
  await new Promise((r) => setTimeout(r, 200));
  stop = true;
  await Promise.all(loops);
  const dropMs = Math.round((dropEnd - dropStart) * 10) / 10;
  if (!r.dropped.includes(oldest.name)) throw new Error(`${oldest.name} was not dropped`);
  console.log(
    `retention: dropped ${r.dropped.join(", ")} in ${dropMs} ms; ${lookups} lookups overlapped it, slowest ${maxDuring.toFixed(1)} ms`,
  );
  return {
    drop_ms: dropMs,
    lookups_during_drop: lookups,
    max_lookup_during_drop_ms: Math.round(maxDuring * 10) / 10,
  };
}
