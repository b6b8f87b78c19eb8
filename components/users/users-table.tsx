"use client";

import { useState } from "react";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { DataTable, type TColumn } from "../ui/data-table";
import { ErrorNote } from "../ui/error-note";
import { formatWhen } from "../operations/format-time";
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

const TEXT = {
  label: "Users",
  loading: "Loading users…",
  roleOf: (email: string) => `Role of ${email}`,
  disabled: "disabled",
  locked: "locked",
  active: "active",
  never: "never",
  resetPassword: "Reset password",
  disable: "Disable",
  enable: "Enable",
  newPassword: (email: string) => `New password for ${email}`,
  confirm: {
    role: {
      title: "Change this user's role?",
      body: (email: string, from: string, to: string) =>
        `${email} goes from ${from} to ${to}. Every session they have open ends now; they sign in again with the new role.`,
      ok: (to: string) => `Make ${to}`,
    },
    disable: {
      title: "Disable this user?",
      body: (email: string) =>
        `${email} is signed out everywhere now and cannot sign in until an admin enables the account again.`,
      ok: "Disable user",
    },
    enable: {
      title: "Enable this user?",
      body: (email: string) => `${email} can sign in again with their current password.`,
      ok: "Enable user",
    },
    reset: {
      title: "Reset this user's password?",
      body: (email: string) =>
        `${email} gets a new temporary password, shown once here. Their sessions end now.`,
      ok: "Reset password",
    },
  },
  h: {
    user: "User",
    role: "Role",
    status: "Status",
    lastSignIn: "Last sign-in",
    actions: "Actions",
  },
};

export function UsersTable({ currentUserId }: { currentUserId: string }) {
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
      header: TEXT.h.user,
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
      header: TEXT.h.role,
      sortValue: (u) => ROLES.indexOf(u.role),
      cell: (u) => (
        <select
          aria-label={TEXT.roleOf(u.email)}
          value={u.role}
          disabled={update.isPending}
          onChange={(e) => setPending({ kind: "role", user: u, role: e.target.value as TRole })}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      ),
    },
    {
      id: "status",
      header: TEXT.h.status,
      sortValue: (u) => (u.active ? 1 : 0),
      cell: (u) => {
        const locked = u.lockedUntil && new Date(u.lockedUntil) > new Date();
        return !u.active ? (
          <Badge tone="gray">{TEXT.disabled}</Badge>
        ) : locked ? (
          <Badge tone="red">{TEXT.locked}</Badge>
        ) : (
          <Badge tone="green">{TEXT.active}</Badge>
        );
      },
    },
    {
      id: "lastSignIn",
      header: TEXT.h.lastSignIn,
      sortValue: (u) => u.lastLoginAt,
      className: "text-slate-600",
      cell: (u) => (u.lastLoginAt ? formatWhen(u.lastLoginAt) : TEXT.never),
    },
    {
      id: "actions",
      header: TEXT.h.actions,
      hideHeader: true,
      align: "right",
      cell: (u) => (
        <div className="flex flex-wrap justify-end gap-2">
          <Button
            variant="secondary"
            onClick={() => setPending({ kind: "reset", user: u })}
            disabled={reset.isPending}
          >
            {TEXT.resetPassword}
          </Button>
          {u.id !== currentUserId ? (
            <Button
              variant={u.active ? "danger" : "secondary"}
              disabled={update.isPending}
              onClick={() => setPending({ kind: u.active ? "disable" : "enable", user: u })}
            >
              {u.active ? TEXT.disable : TEXT.enable}
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

  const c = pending ? TEXT.confirm[pending.kind] : null;
  return (
    <div>
      <div className="space-y-2 px-5 pt-3">
        <ErrorNote error={update.error ?? reset.error} />
        {issued ? (
          <OneTimeSecret
            label={TEXT.newPassword(issued.email)}
            value={issued.password}
            onDismiss={() => setIssued(null)}
          />
        ) : null}
      </div>
      <DataTable
        label={TEXT.label}
        columns={columns}
        rows={users.data?.users ?? []}
        rowKey={(u) => u.id}
        rowProps={(u) => ({ "data-testid": `user-row-${u.email}` })}
        loading={users.isPending}
        empty={TEXT.loading}
      />
      <ConfirmDialog
        open={pending !== null}
        title={c?.title ?? ""}
        confirmLabel={
          pending?.kind === "role"
            ? TEXT.confirm.role.ok(pending.role)
            : c && "ok" in c && typeof c.ok === "string"
              ? c.ok
              : ""
        }
        danger={pending?.kind === "disable" || pending?.kind === "role"}
        busy={update.isPending || reset.isPending}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
        testId="user-confirm"
      >
        {pending?.kind === "role"
          ? TEXT.confirm.role.body(pending.user.email, pending.user.role, pending.role)
          : pending
            ? TEXT.confirm[pending.kind].body(pending.user.email)
            : null}
      </ConfirmDialog>
    </div>
  );
}
