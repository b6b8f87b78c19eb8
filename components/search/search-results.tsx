"use client";

import Link from "next/link";
import { AlertCircle, SearchX } from "lucide-react";
import { ID_KIND_LABEL } from "@/lib/search/recognise-id";
import { formatCop } from "../money/format";
import { formatWhen } from "../operations/format-time";
import { Badge } from "../ui/badge";
import { ErrorNote } from "../ui/error-note";
import { useSearch } from "./use-search";
import type { TAccountView, TSearchHit } from "./api";

// What an id leads to. Used by the header box (compact) and the /search page.
export function SearchResults({
  q,
  compact = false,
  onNavigate,
}: {
  q: string;
  compact?: boolean;
  onNavigate?: () => void;
}) {
  const { recognised, data, error, isFetching } = useSearch(q);
  if (!recognised.ok) {
    return (
      <p
        role="status"
        className="flex items-start gap-2 p-3 text-sm text-amber-800"
        data-testid="search-malformed"
      >
        <AlertCircle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
        {recognised.reason}
      </p>
    );
  }
  if (error)
    return (
      <div className="p-3">
        <ErrorNote error={error} />
      </div>
    );
  if (!data) return <p className="p-3 text-sm text-slate-500">{isFetching ? "Searching…" : ""}</p>;
  const nothing = data.hits.length === 0 && !data.account;
  return (
    <div className="divide-y divide-slate-100" data-testid="search-results">
      <p className="px-3 py-2 text-xs text-slate-500">
        Recognised as <strong>{ID_KIND_LABEL[recognised.kind]}</strong> · exact lookup
      </p>
      {nothing ? (
        <p role="status" className="flex items-center gap-2 p-3 text-sm text-slate-600">
          <SearchX className="h-4 w-4" aria-hidden /> No{" "}
          {ID_KIND_LABEL[recognised.kind].toLowerCase()}{" "}
          <code className="font-mono">{recognised.value}</code> in the console.
        </p>
      ) : null}
      {data.hits.map((h) => (
        <HitRow key={`${h.kind}:${h.id}`} hit={h} compact={compact} onNavigate={onNavigate} />
      ))}
      {data.account ? <AccountCard account={data.account} onNavigate={onNavigate} /> : null}
      {data.notes.map((n) => (
        <p key={n} className="p-3 text-xs text-slate-500">
          {n}
        </p>
      ))}
    </div>
  );
}

function HitRow({
  hit,
  compact,
  onNavigate,
}: {
  hit: TSearchHit;
  compact: boolean;
  onNavigate?: () => void;
}) {
  const title = hit.href ? (
    <Link
      href={hit.href}
      onClick={onNavigate}
      className="font-medium text-brand-700 hover:underline"
    >
      {hit.title}
    </Link>
  ) : (
    <span className="font-medium">{hit.title}</span>
  );
  return (
    <div
      className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm"
      data-testid={`hit-${hit.kind}`}
    >
      <Badge tone={hit.kind === "operation" ? "blue" : hit.kind === "request" ? "purple" : "gray"}>
        {hit.kind.replace("_", " ")}
      </Badge>
      {title}
      {hit.operation ? (
        <span className="text-slate-700">
          {formatCop(hit.operation.amount)} · {hit.detail}
        </span>
      ) : (
        <span className="text-slate-600">{hit.detail}</span>
      )}
      {hit.kind === "operation" ? (
        <Link
          href={`/operations/${hit.id}/timeline`}
          onClick={onNavigate}
          className="text-xs text-brand-700 hover:underline"
        >
          Timeline
        </Link>
      ) : null}
      {!compact ? (
        <span className="ml-auto text-xs text-slate-500">
          matched on {hit.matchedOn}
          {hit.at ? ` · ${formatWhen(hit.at)}` : ""}
        </span>
      ) : null}
    </div>
  );
}

function AccountCard({ account, onNavigate }: { account: TAccountView; onNavigate?: () => void }) {
  return (
    <div className="space-y-2 p-3 text-sm" data-testid="search-account">
      <p className="font-medium text-slate-900">
        {account.kind === "ledger" ? "Ledger account" : "Banking account"}{" "}
        <code className="font-mono">{account.id}</code>
        {account.name ? ` · ${account.name}` : ""}
      </p>
      <p className="text-slate-700">
        {account.balance ? (
          <>
            Available {formatCop(account.balance.available)}
            {account.balance.pending !== null
              ? ` · pending ${formatCop(account.balance.pending)}`
              : ""}
          </>
        ) : (
          <span className="text-amber-800">{account.balanceError}</span>
        )}
      </p>
      {account.recentOperations.length ? (
        <ul className="space-y-1">
          {account.recentOperations.map((o) => (
            <li key={o.id}>
              <Link
                href={`/operations/${o.id}`}
                onClick={onNavigate}
                className="font-mono text-xs text-brand-700 hover:underline"
              >
                {o.id}
              </Link>{" "}
              <span className="text-xs text-slate-600">
                {o.kind} · {formatCop(o.amount)} · {o.state} · {formatWhen(o.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-xs text-slate-500">No operations from this account in the console.</p>
      )}
    </div>
  );
}
