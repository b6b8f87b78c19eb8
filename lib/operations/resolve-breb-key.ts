import "server-only";
import { randomUUID } from "node:crypto";
import type { TLogger } from "../logger";
import { getMonoClient } from "../mono";
import { MonoApiError } from "../mono/errors";
import { AppError } from "../api/app-error";
import { maskDigits } from "./mask";

// Resolves a Bre-B payment key (cellphone, document, email, @alias, merchant code) to its holder
// and account, so the operator can confirm the name before paying. Mono treats resolve as a write,
// so it carries its own idempotency key.
export async function resolveBrebKey(sourceAccountId: string, key: string, log: TLogger) {
  try {
    const t = await getMonoClient().resolveBrebTarget(
      { account_id: sourceAccountId, format: "plain_key", value: key },
      { idempotencyKey: randomUUID() },
    );
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
      throw new AppError("unprocessable", "This Bre-B key could not be resolved", {
        errors: [{ path: "/key", message: err.errorCode ?? "not found" }],
      });
    }
    throw err;
  }
}
