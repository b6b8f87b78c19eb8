import { formatCop } from "../money/format";
import type { TOperation } from "./api";

export function ItemsTable({
  items,
  bankName,
}: {
  items: TOperation["items"];
  bankName: (code: string) => string;
}) {
  return (
    <div className="max-h-[28rem] overflow-auto">
      <table className="w-full text-left text-sm" data-testid="items">
        <thead className="sticky top-0 border-b border-slate-200 bg-white text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">#</th>
            <th className="px-4 py-2 text-right font-medium">Amount</th>
            <th className="px-4 py-2 font-medium">Payee</th>
            <th className="px-4 py-2 font-medium">Bank · account</th>
            <th className="px-4 py-2 font-medium">Mono transfer</th>
            <th className="px-4 py-2 font-medium">State</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((it) => (
            <tr key={it.id}>
              <td className="px-4 py-2 tabular-nums">{it.position + 1}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatCop(it.amount)}</td>
              <td className="px-4 py-2">{it.payeeName}</td>
              <td className="px-4 py-2 text-xs">
                {bankName(it.bankCode)} · <span className="font-mono">{it.accountNumber}</span>
              </td>
              <td className="px-4 py-2 font-mono text-xs">{it.monoTransferId ?? "—"}</td>
              <td className="px-4 py-2">
                {it.monoState ?? "—"}
                {it.declinationReason ? (
                  <span className="block text-xs text-red-700">{it.declinationReason}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
