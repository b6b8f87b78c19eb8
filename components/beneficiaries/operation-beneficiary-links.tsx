"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useOperationBeneficiaries } from "./api";

// Links from an operation page to the page of each beneficiary it pays.
export function OperationBeneficiaryLinks({ operationId }: { operationId: string }) {
  const t = useTranslations("beneficiaries.links");
  const q = useOperationBeneficiaries(operationId);
  const list = q.data?.beneficiaries ?? [];
  if (list.length === 0) return null;
  return (
    <nav
      aria-label={t("title")}
      className="rounded-lg border border-slate-200 bg-white px-5 py-3 text-sm shadow-sm"
      data-testid="beneficiary-links"
    >
      <span className="font-medium text-slate-900">{t("title")}</span>{" "}
      <span className="text-slate-500">{t("hint")}</span>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {list.slice(0, 50).map((b) => (
          <li key={b.id}>
            <Link className="text-brand-700 hover:underline" href={`/beneficiaries/${b.id}`}>
              {b.name} · {b.bankCode} · <span className="font-mono">{b.accountNumber}</span>
            </Link>
          </li>
        ))}
      </ul>
      {list.length > 50 ? <p className="text-xs text-slate-500">+{list.length - 50}</p> : null}
    </nav>
  );
}
