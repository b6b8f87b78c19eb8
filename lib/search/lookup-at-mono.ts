import "server-only";
import { getMonoClient } from "../mono";
import { describeMonoError } from "./lookup-account";

export type TMonoLookup =
  | { kind: "found"; label: string; state: string; externalId: string | null; endpoint: string }
  | { kind: "absent" }
  | { kind: "error"; message: string };

// Exact reads at Mono for an object the console has no row for: GET the payout, or list
// transfers filtered by id / batch_id (Mono documents no GET by id for transfers or batches).
export async function lookupAtMono(id: string): Promise<TMonoLookup> {
  const mono = getMonoClient();
  const signal = AbortSignal.timeout(5_000);
  try {
    if (id.startsWith("cpout_")) {
      const p = await mono.getPayout(id, { signal });
      return {
        kind: "found",
        label: "Payout",
        state: p.state,
        externalId: p.external_id ?? null,
        endpoint: "GET /v1/core/payouts/{id}",
      };
    }
    const filter = id.startsWith("bat_") ? { batch_id: id } : { id };
    const r = await mono.listTransfers({ ...filter, page_size: 10 }, { signal });
    const t = r.transfers[0];
    if (!t) return { kind: "absent" };
    return id.startsWith("bat_")
      ? {
          kind: "found",
          label: "Batch",
          state: t.batch.state,
          externalId: t.external_id,
          endpoint: "GET /v1/transfers?batch_id=",
        }
      : {
          kind: "found",
          label: "Transfer",
          state: t.state,
          externalId: t.external_id,
          endpoint: "GET /v1/transfers?id=",
        };
  } catch (err) {
    const e = err as { name?: string; status?: number };
    if (e?.name === "MonoApiError" && e.status === 404) return { kind: "absent" };
    return { kind: "error", message: `Could not ask Mono: ${describeMonoError(err)}` };
  }
}
