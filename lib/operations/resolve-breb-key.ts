import "server-only";
import { randomUUID } from "node:crypto";
import type { TLogger } from "../logger";
import { getMonoClient } from "../mono";
import { MonoApiError } from "../mono/errors";
import { AppError } from "../api/app-error";
import { consoleFieldError, consoleWords } from "../api/console-words";
import { maskDigits } from "./mask";
import { db } from "../db";
import { newId } from "../ids";

// Resolves a Bre-B payment key (cellphone, document, email, @alias, merchant code) to its holder
// and account, so the operator can confirm the name before paying. Mono treats resolve as a write,
// so it carries its own idempotency key.
// Every resolution is kept (BrebResolution): the search box finds a beneficiary by the key, and
// the beneficiary page lists the keys that led to its account.
export async function resolveBrebKey(
  sourceAccountId: string,
  key: string,
  log: TLogger,
  resolvedById: string | null = null,
) {
  try {
    const t = await getMonoClient().resolveBrebTarget(
      { account_id: sourceAccountId, format: "plain_key", value: key },
      { idempotencyKey: randomUUID() },
    );
    await db.brebResolution.create({
      data: {
        id: newId("brb"),
        keyValue: key,
        keyType: t.key_type ?? null,
        holderName: t.creditor.full_name,
        documentType: t.creditor.document_type ?? null,
        documentNumber: t.creditor.document_number ?? null,
        accountNumber: t.creditor_account.number,
        accountType: t.creditor_account.type ?? null,
        sourceAccountId,
        resolvedById,
      },
    });
    return {
      holderName: t.creditor.full_name,
      documentType: t.creditor.document_type,
      documentNumber: t.creditor.document_number,
      documentMasked: maskDigits(t.creditor.document_number, 3),
      accountNumber: t.creditor_account.number,
      accountType: t.creditor_account.type,
      keyType: t.key_type,
      targetId: t.id,
    };
  } catch (err) {
    if (err instanceof MonoApiError && err.status < 500) {
      log.info({ code: err.errorCode }, "Bre-B key not resolved");
      throw AppError.worded("unprocessable", consoleWords("breb_key_unresolved"), {
        errors: [
          consoleFieldError("/key", "breb_key_not_resolved", {
            mono_code: err.errorCode ?? "not_found",
          }),
        ],
      });
    }
    throw err;
  }
}
