"use client";

import Link from "next/link";
import { AlertCircle, SearchX } from "lucide-react";
import { useTranslations } from "next-intl";
import type { TIdKind } from "@/lib/search/recognise-id";
import { useFormat } from "../i18n/use-format";
import { useStateLabel } from "../operations/state-badge";
import { Badge } from "../ui/badge";
import { ErrorNote } from "../ui/error-note";
import { explainNotAnId } from "./explain";
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
  const t = useTranslations("search");
  const kindLabel = (kind: TIdKind) => t(`kinds.${kind}`);
  const { recognised, data, error, isFetching } = useSearch(q);
  if (!recognised.ok) {
    return (
      <p
        role="status"
        className="flex items-start gap-2 p-3 text-sm text-amber-800"
        data-testid="search-malformed"
      >
        <AlertCircle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
        {explainNotAnId(recognised, t, kindLabel)}
      </p>
    );
  }
  if (error)
    return (
      <div className="p-3">
        <ErrorNote error={error} />
      </div>
    );
  if (!data)
    return <p className="p-3 text-sm text-slate-500">{isFetching ? t("results.searching") : ""}</p>;
  const nothing = data.hits.length === 0 && !data.account;
  return (
    <div className="divide-y divide-slate-100" data-testid="search-results">
      <p className="px-3 py-2 text-xs text-slate-500">
        {t.rich("results.recognised", {
          kind: kindLabel(recognised.kind),
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      {nothing ? (
        <p role="status" className="flex items-center gap-2 p-3 text-sm text-slate-600">
          <SearchX className="h-4 w-4" aria-hidden />
          <span>
            {t.rich("results.nothing", {
              kind: t(`kindsInSentence.${recognised.kind}`),
              value: recognised.value,
              code: (chunks) => <code className="font-mono">{chunks}</code>,
            })}
          </span>
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
  const t = useTranslations("search.results");
  const f = useFormat();
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
        {t.has(`hitKinds.${hit.kind}`) ? t(`hitKinds.${hit.kind}`) : hit.kind.replace("_", " ")}
      </Badge>
      {title}
      {hit.operation ? (
        <span className="text-slate-700">
          {f.money(hit.operation.amount)} · {hit.detail}
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
          {t("timeline")}
        </Link>
      ) : null}
      {!compact ? (
        <span className="ml-auto text-xs text-slate-500">
          {t("matchedOn", { column: hit.matchedOn })}
          {hit.at ? ` · ${f.when(hit.at)}` : ""}
        </span>
      ) : null}
    </div>
  );
}

function AccountCard({ account, onNavigate }: { account: TAccountView; onNavigate?: () => void }) {
  const t = useTranslations("search");
  const f = useFormat();
  const stateLabel = useStateLabel();
  return (
    <div className="space-y-2 p-3 text-sm" data-testid="search-account">
      <p className="font-medium text-slate-900">
        {t(account.kind === "ledger" ? "kinds.ledger_account_id" : "kinds.account_id")}{" "}
        <code className="font-mono">{account.id}</code>
        {account.name ? ` · ${account.name}` : ""}
      </p>
      <p className="text-slate-700">
        {account.balance ? (
          <>
            {t("results.available", { amount: f.money(account.balance.available) })}
            {account.balance.pending !== null
              ? ` · ${t("results.pending", { amount: f.money(account.balance.pending) })}`
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
                {o.kind} · {f.money(o.amount)} · {stateLabel(o.state)} · {f.when(o.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-xs text-slate-500">{t("results.noOperations")}</p>
      )}
    </div>
  );
}
