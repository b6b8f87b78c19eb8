"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "../i18n/use-format";
import { CopyButton } from "../ui/copy-button";
import { DataTable, type TColumn } from "../ui/data-table";
import type { TOperation } from "./api";

type TItem = TOperation["items"][number];

export function ItemsTable({
  items,
  bankName,
}: {
  items: TOperation["items"];
  bankName: (code: string) => string;
}) {
  const t = useTranslations("operations.items");
  const f = useFormat();
  const columns: TColumn<TItem>[] = [
    {
      id: "n",
      header: t("h.n"),
      sortValue: (it) => it.position,
      className: "tabular-nums",
      cell: (it) => it.position + 1,
    },
    {
      id: "amount",
      header: t("h.amount"),
      align: "right",
      sortValue: (it) => it.amount,
      className: "whitespace-nowrap tabular-nums",
      cell: (it) => f.money(it.amount),
    },
    {
      id: "payee",
      header: t("h.payee"),
      sortValue: (it) => it.payeeName,
      cell: (it) => it.payeeName,
    },
    {
      id: "account",
      header: t("h.account"),
      className: "text-xs",
      cell: (it) => (
        <>
          {bankName(it.bankCode)} · <span className="font-mono">{it.accountNumber}</span>
        </>
      ),
    },
    {
      id: "transfer",
      header: t("h.transfer"),
      sortValue: (it) => it.monoTransferId,
      className: "font-mono text-xs",
      cell: (it) =>
        it.monoTransferId ? (
          <span className="inline-flex items-center gap-1">
            <span className="break-all">{it.monoTransferId}</span>
            <CopyButton value={it.monoTransferId} label={t("copyTransfer")} iconOnly />
          </span>
        ) : (
          "—"
        ),
    },
    {
      id: "state",
      header: t("h.state"),
      sortValue: (it) => it.monoState,
      cell: (it) => (
        <>
          {it.monoState ?? "—"}
          {it.declinationReason ? (
            <span className="block text-xs text-red-700">{it.declinationReason}</span>
          ) : null}
        </>
      ),
    },
  ];
  return (
    <DataTable
      label={t("label")}
      testId="items"
      columns={columns}
      rows={items}
      rowKey={(it) => it.id}
      maxHeight="max-h-[28rem]"
      dense
    />
  );
}
