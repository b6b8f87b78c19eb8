import "server-only";
import { sqlDb } from "../db";
import { getMonoClient, MonoApiError } from "../mono";

// Which of our operations an event is about. Local ids first (monoId, monoTransferId, the
// external_id we sent); when none matches, the object is read from Mono's API and matched by the
// external_id Mono holds — an event can arrive before our POST's answer recorded the monoId, and
// the payload alone is never trusted. No match: the object was created elsewhere ("external").

export type TEventMapping = { operationId: string } | { operationId: null; why: string };

type TData = Record<string, unknown>;
const s = (v: unknown): string | null =>
  typeof v === "string" && v.length > 0 && v.length <= 200 ? v : null;

// Kysely, not Prisma Client: every processed event runs one to three of these, and Prisma 6
// compiles each findUnique/findFirst on the main thread the receiver's acknowledgements share (see
// docs/WEBHOOKS.md "Performance").
type TOpRef = { id: string } | null;
async function byMonoId(monoId: string | null): Promise<TOpRef> {
  if (!monoId) return null;
  const op = await sqlDb
    .selectFrom("Operation")
    .select("id")
    .where("monoId", "=", monoId)
    .limit(1)
    .executeTakeFirst();
  return op ?? null;
}
async function byExternalId(externalId: string | null): Promise<TOpRef> {
  if (!externalId) return null;
  const op = await sqlDb
    .selectFrom("Operation")
    .select("id")
    .where("externalId", "=", externalId)
    .unionAll((eb) =>
      eb
        .selectFrom("OperationItem")
        .select("operationId as id")
        .where("externalId", "=", externalId),
    )
    .limit(1)
    .executeTakeFirst();
  return op ?? null;
}
async function byTransferId(trn: string | null): Promise<TOpRef> {
  if (!trn) return null;
  const item = await sqlDb
    .selectFrom("OperationItem")
    .select("operationId as id")
    .where("monoTransferId", "=", trn)
    .limit(1)
    .executeTakeFirst();
  return item ?? null;
}

const found = (op: { id: string } | null): TEventMapping | null =>
  op ? { operationId: op.id } : null;
const notFound = (why: string): TEventMapping => ({ operationId: null, why });

async function payout(id: string | null, externalId: string | null): Promise<TEventMapping> {
  const local = found((await byMonoId(id)) ?? (await byExternalId(externalId)));
  if (local || !id) return local ?? notFound("no payout id in the event");
  try {
    const p = await getMonoClient().getPayout(id);
    return (
      found(await byExternalId(p.external_id)) ??
      notFound(`payout ${id} (external_id ${p.external_id}) was not created by the console`)
    );
  } catch (err) {
    if (err instanceof MonoApiError && err.status === 404)
      return notFound(`Mono does not know payout ${id}`);
    throw err;
  }
}

async function transfers(
  filter: { id?: string; batch_id?: string },
  label: string,
): Promise<TEventMapping> {
  const r = await getMonoClient().listTransfers({ ...filter, page_size: 10 });
  for (const t of r.transfers) {
    const op = found((await byExternalId(t.external_id)) ?? (await byMonoId(t.batch.id)));
    if (op) return op;
  }
  return notFound(
    r.transfers.length === 0
      ? `Mono does not know ${label}`
      : `${label} was not created by the console`,
  );
}

export async function mapEventToOperation(type: string, data: TData): Promise<TEventMapping> {
  const id = s(data.id);
  if (type.startsWith("payout_")) return payout(id, s(data.external_id));
  if (type.startsWith("bank_transfer_")) {
    const batch = (data.batch ?? {}) as TData;
    const local = found(
      (await byTransferId(id)) ??
        (await byExternalId(s(data.external_id))) ??
        (await byMonoId(s(batch.id))),
    );
    return (
      local ?? (id ? transfers({ id }, `transfer ${id}`) : notFound("no transfer id in the event"))
    );
  }
  if (type.startsWith("batch_")) {
    const local = found(await byMonoId(id));
    return (
      local ??
      (id ? transfers({ batch_id: id }, `batch ${id}`) : notFound("no batch id in the event"))
    );
  }
  if (type === "ledger_account_transaction_created") {
    if (data.origin !== "payout")
      return notFound(`ledger movement with origin ${String(data.origin)}`);
    return payout(s(data.id_in_origin), null);
  }
  if (type === "account_credited") return notFound("incoming money to a Banking account");
  return notFound(`event type ${type} is not handled by the console`);
}
