"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "../i18n/use-format";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { DataTable, type TColumn } from "../ui/data-table";
import { ErrorNote } from "../ui/error-note";
import { ROLES } from "@/lib/auth/permissions";
import { useResetPassword, useUpdateUser, useUsers } from "./use-users";
import { OneTimeSecret } from "./one-time-secret";
import type { TUserRow } from "./api";

type TRole = TUserRow["role"];
type TPending =
  | { kind: "role"; user: TUserRow; role: TRole }
  | { kind: "disable"; user: TUserRow }
  | { kind: "enable"; user: TUserRow }
  | { kind: "reset"; user: TUserRow };

export function UsersTable({ currentUserId }: { currentUserId: string }) {
  const t = useTranslations("users.table");
  const tc = useTranslations("users.confirm");
  const roles = useTranslations("users.roles");
  const f = useFormat();
  const users = useUsers();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const [issued, setIssued] = useState<{ email: string; password: string } | null>(null);
  const [pending, setPending] = useState<TPending | null>(null);

  function confirm() {
    if (!pending) return;
    const u = pending.user;
    const done = { onSettled: () => setPending(null) };
    if (pending.kind === "role") update.mutate({ id: u.id, role: pending.role }, done);
    else if (pending.kind === "disable") update.mutate({ id: u.id, active: false }, done);
    else if (pending.kind === "enable") update.mutate({ id: u.id, active: true }, done);
    else
      reset.mutate(u.id, {
        onSuccess: (r) => setIssued({ email: u.email, password: r.temporaryPassword }),
        onSettled: () => setPending(null),
      });
  }

  const columns: TColumn<TUserRow>[] = [
    {
      id: "user",
      header: t("h.user"),
      sortValue: (u) => u.name,
      cell: (u) => (
        <>
          <div className="font-medium text-slate-900">{u.name}</div>
          <div className="break-all text-xs text-slate-600">{u.email}</div>
        </>
      ),
    },
    {
      id: "role",
      header: t("h.role"),
      sortValue: (u) => ROLES.indexOf(u.role),
      cell: (u) => (
        <select
          aria-label={t("roleOf", { email: u.email })}
          value={u.role}
          disabled={update.isPending}
          onChange={(e) => setPending({ kind: "role", user: u, role: e.target.value as TRole })}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roles(r)}
            </option>
          ))}
        </select>
      ),
    },
    {
      id: "status",
      header: t("h.status"),
      sortValue: (u) => (u.active ? 1 : 0),
      cell: (u) => {
        const locked = u.lockedUntil && new Date(u.lockedUntil) > new Date();
        return !u.active ? (
          <Badge tone="gray">{t("disabled")}</Badge>
        ) : locked ? (
          <Badge tone="red">{t("locked")}</Badge>
        ) : (
          <Badge tone="green">{t("active")}</Badge>
        );
      },
    },
    {
      id: "lastSignIn",
      header: t("h.lastSignIn"),
      sortValue: (u) => u.lastLoginAt,
      className: "text-slate-600",
      cell: (u) => (u.lastLoginAt ? f.when(u.lastLoginAt) : t("never")),
    },
    {
      id: "actions",
      header: t("h.actions"),
      hideHeader: true,
      align: "right",
      cell: (u) => (
        <div className="flex flex-wrap justify-end gap-2">
          <Button
            variant="secondary"
            onClick={() => setPending({ kind: "reset", user: u })}
            disabled={reset.isPending}
          >
            {t("resetPassword")}
          </Button>
          {u.id !== currentUserId ? (
            <Button
              variant={u.active ? "danger" : "secondary"}
              disabled={update.isPending}
              onClick={() => setPending({ kind: u.active ? "disable" : "enable", user: u })}
            >
              {u.active ? t("disable") : t("enable")}
            </Button>
          ) : null}
        </div>
      ),
    },
  ];

  if (users.error)
    return (
      <div className="p-5">
        <ErrorNote error={users.error} />
      </div>
    );

  return (
    <div>
      <div className="space-y-2 px-5 pt-3">
        <ErrorNote error={update.error ?? reset.error} />
        {issued ? (
          <OneTimeSecret
            label={t("newPassword", { email: issued.email })}
            value={issued.password}
            onDismiss={() => setIssued(null)}
          />
        ) : null}
      </div>
      <DataTable
        label={t("label")}
        columns={columns}
        rows={users.data?.users ?? []}
        rowKey={(u) => u.id}
        rowProps={(u) => ({ "data-testid": `user-row-${u.email}` })}
        loading={users.isPending}
        empty={t("loading")}
      />
      <ConfirmDialog
        open={pending !== null}
        title={pending ? tc(`${pending.kind}.title`) : ""}
        confirmLabel={
          pending?.kind === "role"
            ? tc("role.ok", { to: roles(pending.role) })
            : pending
              ? tc(`${pending.kind}.ok`)
              : ""
        }
        danger={pending?.kind === "disable" || pending?.kind === "role"}
        busy={update.isPending || reset.isPending}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
        testId="user-confirm"
      >
        {pending?.kind === "role"
          ? tc("role.body", {
              email: pending.user.email,
              from: roles(pending.user.role),
              to: roles(pending.role),
            })
          : pending
            ? tc(`${pending.kind}.body`, { email: pending.user.email })
            : null}
      </ConfirmDialog>
    </div>
  );
}
