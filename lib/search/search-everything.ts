import "server-only";
import { maskedSummary } from "../api/resources/beneficiary";
import { maskText } from "../operations/mask";
import { beneficiaryLookups, type TBeneficiaryRow } from "../beneficiaries/lookups";
import {
  searchById,
  type TSearchHit,
  type TSearchOptions,
  type TSearchResult,
} from "./search-by-id";
import { lookups } from "./lookups";
import { targetsOfTicket } from "../notes/notes";

// The one search box: every id (searchById), then the beneficiary identifiers (docs/INVESTIGATION.md
// "A page per beneficiary"). Every lookup is an equality on an indexed column.

export type TBeneficiaryHit = Omit<TSearchHit, "kind" | "operation"> & {
  kind: "beneficiary";
  beneficiary: TBeneficiaryRow;
};
export type TLinkedHit = Omit<TSearchHit, "kind" | "operation"> & {
  kind: "request" | "webhook" | "finding";
};
export type TEverythingHit = TSearchHit | TBeneficiaryHit | TLinkedHit;
export type TEverythingResult = Omit<TSearchResult, "hits"> & { hits: TEverythingHit[] };

const BENEFICIARY_KINDS = new Set(["document_number", "bank_account_tail", "email", "breb_key"]);

export async function searchEverything(
  query: string,
  o: TSearchOptions = {},
): Promise<TEverythingResult> {
  const result: TEverythingResult = await searchById(query, o);
  const r = result.recognised;
  if (!r.ok) return result;
  const found: { rows: TBeneficiaryRow[]; matchedOn: string }[] = [];
  const add = async (matchedOn: string, rows: Promise<TBeneficiaryRow[]>) =>
    found.push({ matchedOn, rows: await rows });
  switch (r.kind) {
    case "document_number":
      await add("Beneficiary.documentNumber", beneficiaryLookups.byDocument(r.value));
      break;
    case "bank_account_tail": {
      const [bank, last4] = r.value.split(" ");
      await add("Beneficiary.bankCode + accountLast4", beneficiaryLookups.byBankTail(bank, last4));
      break;
    }
    case "email":
      await Promise.all([
        add("Beneficiary.email", beneficiaryLookups.byEmail(r.value)),
        add("BrebResolution.keyValue", beneficiaryLookups.byBrebKey(r.value)),
      ]);
      break;
    case "breb_key":
      await add("BrebResolution.keyValue", beneficiaryLookups.byBrebKey(r.value));
      break;
    case "reference":
      await ticketHits(result, r.value);
      // A bare number or code may be a document, an account number or a Bre-B key (a phone).
      if (/^[0-9A-Za-z]{4,20}$/.test(r.value))
        await Promise.all([
          add("Beneficiary.documentNumber", beneficiaryLookups.byDocument(r.value)),
          add("Beneficiary.accountNumber", beneficiaryLookups.byAccount(r.value)),
          add("BrebResolution.keyValue", beneficiaryLookups.byBrebKey(r.value)),
        ]);
      break;
  }
  // A beneficiary's numbers are not echoed back in clear either (the answer may be logged or cached).
  if (found.some((f) => f.rows.length > 0) || BENEFICIARY_KINDS.has(r.kind)) {
    result.query = maskText(result.query);
    result.recognised = { ...r, value: maskText(r.value) };
  }
  const seen = new Set<string>();
  for (const { rows, matchedOn } of found)
    for (const b of rows) {
      if (seen.has(b.id)) continue;
      seen.add(b.id);
      result.hits.push({ ...beneficiaryHit(b), matchedOn });
    }
  return result;
}

function beneficiaryHit(b: TBeneficiaryRow): Omit<TBeneficiaryHit, "matchedOn"> {
  const { title, detail } = maskedSummary(b);
  return {
    kind: "beneficiary",
    id: b.id,
    href: `/beneficiaries/${b.id}`,
    title,
    detail,
    at: b.lastSeenAt,
    beneficiary: b,
  };
}

// Ticket links (lib/notes/): every target a ticket reference was linked to.
async function ticketHits(result: TEverythingResult, ref: string) {
  const matchedOn = "TicketLink.ticketRef";
  const seen = new Set(result.hits.map((h) => `${h.kind}:${h.id}`));
  for (const t of await targetsOfTicket(ref)) {
    const push = (h: TEverythingHit) => {
      if (seen.has(`${h.kind}:${h.id}`)) return;
      seen.add(`${h.kind}:${h.id}`);
      result.hits.push(h);
    };
    switch (t.targetType) {
      case "operation": {
        const [op] = await lookups.operationById(t.targetId);
        if (op)
          push({
            kind: "operation",
            id: op.id,
            href: `/operations/${op.id}`,
            title: `Operation ${op.id}`,
            detail: op.state,
            at: op.createdAt,
            matchedOn,
            operation: op,
          });
        break;
      }
      case "beneficiary": {
        const b = await beneficiaryLookups.byId(t.targetId);
        if (b) push({ ...beneficiaryHit(b), matchedOn });
        break;
      }
      case "request":
        push({
          kind: "request",
          id: t.targetId,
          href: `/requests/${t.targetId}`,
          title: `Request ${t.targetId}`,
          detail: `ticket ${ref}`,
          at: t.createdAt,
          matchedOn,
        });
        break;
      case "webhook":
        push({
          kind: "webhook",
          id: t.targetId,
          href: `/webhooks?event=${t.targetId}`,
          title: `Webhook event ${t.targetId}`,
          detail: `ticket ${ref}`,
          at: t.createdAt,
          matchedOn,
        });
        break;
      case "finding":
        push({
          kind: "finding",
          id: t.targetId,
          href: "/reconciliation?status=all",
          title: `Reconciliation finding ${t.targetId}`,
          detail: `ticket ${ref}`,
          at: t.createdAt,
          matchedOn,
        });
        break;
    }
  }
}
