"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../api-client";
import { Button } from "../ui/button";
import { ErrorNote } from "../ui/error-note";
import type { TViewList } from "@/lib/api/resources/view";

type TList = "payouts" | "transfers" | "requests" | "webhooks" | "audit";

// A list's saved views: open one (its filters become the URL), save the current filters under a
// name (private or shared), delete my own.
export function SavedViews({ list }: { list: TList }) {
  const t = useTranslations("views");
  const path = usePathname();
  const params = useSearchParams();
  const qc = useQueryClient();
  const key = ["views", list];
  const q = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => apiFetch<TViewList>(`/api/views?list=${list}`, { signal }),
  });
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      apiFetch<TViewList>("/api/views", {
        method: "POST",
        body: { list, name: name.trim(), query: params.toString(), shared },
      }),
    onSuccess: (data) => {
      qc.setQueryData(key, data);
      setNaming(false);
      setName("");
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch<TViewList>(`/api/views/${id}`, { method: "DELETE" }),
    onSuccess: (data) => qc.setQueryData(key, data),
  });
  const current = params.toString();
  return (
    <div
      className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-5 py-2 text-sm"
      data-testid="saved-views"
    >
      <span className="font-medium text-slate-700">{t("label")}</span>
      {q.data?.views.length === 0 ? <span className="text-slate-500">{t("none")}</span> : null}
      {q.data?.views.map((v) => (
        <span
          key={v.id}
          className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 ring-1 ${v.query === current ? "bg-brand-50 ring-brand-200" : "ring-slate-200"}`}
        >
          <Link
            href={`${path}${v.query ? `?${v.query}` : ""}`}
            className="text-brand-700 hover:underline"
            title={v.shared && !v.mine ? t("sharedBy", { email: v.ownerEmail }) : undefined}
          >
            {v.name}
            {v.shared ? " ·" : ""}
          </Link>
          {v.mine ? (
            <button
              type="button"
              aria-label={t("remove", { name: v.name })}
              className="text-slate-400 hover:text-red-600"
              onClick={() => remove.mutate(v.id)}
            >
              ×
            </button>
          ) : null}
        </span>
      ))}
      {naming ? (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <input
            autoFocus
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
            aria-label={t("name")}
            placeholder={t("name")}
            className="rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
          <label className="flex items-center gap-1 text-slate-600">
            <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
            {t("shared")}
          </label>
          <Button type="submit" disabled={!name.trim() || save.isPending}>
            {t("confirm")}
          </Button>
          <Button type="button" variant="ghost" onClick={() => setNaming(false)}>
            {t("cancel")}
          </Button>
        </form>
      ) : (
        <button
          type="button"
          className="text-brand-700 hover:underline"
          onClick={() => setNaming(true)}
        >
          {t("save")}
        </button>
      )}
      {save.error ? <ErrorNote error={save.error} /> : null}
    </div>
  );
}
