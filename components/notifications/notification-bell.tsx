"use client";

import Link from "next/link";
import { Bell } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch } from "../api-client";
import { useFormat } from "../i18n/use-format";
import type { TNotificationList } from "@/lib/api/resources/notification";

const KEY = ["notifications"] as const;

// The header's bell: approvals waiting for me, decisions on my own operations, critical alerts
// (GET /api/notifications, every 30 s). Opening an item marks it read.
// The bell's own words come from the "notifications" catalogue; each item's title and body arrive
// from the API already written (lib/notifications/render.ts).
export function NotificationBell() {
  const t = useTranslations("notifications");
  const f = useFormat();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const q = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => apiFetch<TNotificationList>("/api/notifications", { signal }),
    refetchInterval: 30_000,
  });
  const read = useMutation({
    mutationFn: (body: { all: true } | { ids: string[] }) =>
      apiFetch<TNotificationList>("/api/notifications/read", { method: "POST", body }),
    onSuccess: (data) => qc.setQueryData(KEY, data),
  });
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);
  const unread = q.data?.unread ?? 0;
  return (
    <div className="relative" ref={box}>
      <button
        type="button"
        aria-label={t("label", { count: unread })}
        aria-expanded={open}
        className="relative rounded-md p-2 text-slate-600 hover:bg-slate-100"
        onClick={() => setOpen((o) => !o)}
        data-testid="notification-bell"
      >
        <Bell className="h-5 w-5" aria-hidden />
        {unread ? (
          <span className="absolute -right-0.5 -top-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          role="dialog"
          aria-label={t("title")}
          className="absolute right-0 z-40 mt-2 w-96 max-w-[90vw] rounded-lg border border-slate-200 bg-white shadow-lg"
        >
          <div className="flex items-center justify-between border-b border-slate-100 px-4 py-2">
            <span className="text-sm font-semibold text-slate-900">{t("title")}</span>
            {unread ? (
              <button
                type="button"
                className="text-xs text-brand-700 hover:underline"
                onClick={() => read.mutate({ all: true })}
              >
                {t("markAll")}
              </button>
            ) : null}
          </div>
          <ul className="max-h-96 overflow-auto text-sm" data-testid="notification-list">
            {q.data && q.data.items.length === 0 ? (
              <li className="px-4 py-3 text-slate-500">{t("empty")}</li>
            ) : null}
            {q.data?.items.map((n) => (
              <li key={n.id} className={n.readAt ? "" : "bg-brand-50"}>
                <Link
                  href={n.href}
                  className="block px-4 py-2 hover:bg-slate-50"
                  onClick={() => {
                    if (!n.readAt) read.mutate({ ids: [n.id] });
                    setOpen(false);
                  }}
                >
                  <span className="block text-slate-900">{n.title}</span>
                  {n.body ? <span className="block text-slate-600">{n.body}</span> : null}
                  <span className="block text-xs text-slate-500">{f.when(n.createdAt)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
