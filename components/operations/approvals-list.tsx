"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "../i18n/use-format";
import { Badge } from "../ui/badge";
import type { TApproval } from "./api";

export function ApprovalsList({ approvals }: { approvals: TApproval[] }) {
  const t = useTranslations("operations.approvalsList");
  const f = useFormat();
  if (approvals.length === 0) return <p className="text-sm text-slate-500">{t("none")}</p>;
  return (
    <ul className="space-y-2" data-testid="approvals">
      {approvals.map((a) => (
        <li key={a.id} className="flex flex-wrap items-center gap-2 text-sm">
          <Badge tone={a.decision === "approved" ? "green" : "red"}>
            {t.has(`decisions.${a.decision}`) ? t(`decisions.${a.decision}`) : a.decision}
          </Badge>
          <span className="font-medium">{a.approver?.name ?? t("unknown")}</span>
          <span className="text-slate-500">{f.when(a.at)}</span>
          {a.stepUp ? <Badge tone="purple">{t("stepUp")}</Badge> : null}
          {!a.current ? <Badge tone="gray">{t("void")}</Badge> : null}
          {a.comment ? <span className="w-full pl-1 text-slate-600">“{a.comment}”</span> : null}
        </li>
      ))}
    </ul>
  );
}
