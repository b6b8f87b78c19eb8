"use client";

import { useState } from "react";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ErrorNote } from "../ui/error-note";
import { ROLES } from "@/lib/auth/permissions";
import { useResetPassword, useUpdateUser, useUsers } from "./use-users";
import { OneTimeSecret } from "./one-time-secret";
import type { TUserRow } from "./api";

export function UsersTable({ currentUserId }: { currentUserId: string }) {
  const users = useUsers();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const [issued, setIssued] = useState<{ email: string; password: string } | null>(null);

  if (users.isPending) return <p className="p-5 text-sm text-slate-500">Loading users…</p>;
  if (users.error)
    return (
      <div className="p-5">
        <ErrorNote error={users.error} />
      </div>
    );

  function onReset(u: TUserRow) {
    if (!window.confirm(`Reset the password of ${u.email}? Their sessions end now.`)) return;
    reset.mutate(u.id, {
      onSuccess: (r) => setIssued({ email: u.email, password: r.temporaryPassword }),
    });
  }

  return (
    <div>
      <div className="space-y-2 px-5 pt-3">
        <ErrorNote error={update.error ?? reset.error} />
        {issued ? (
          <OneTimeSecret
            label={`New password for ${issued.email}`}
            value={issued.password}
            onDismiss={() => setIssued(null)}
          />
        ) : null}
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-5 py-2 font-medium">User</th>
              <th className="px-5 py-2 font-medium">Role</th>
              <th className="px-5 py-2 font-medium">Status</th>
              <th className="px-5 py-2 font-medium">Last sign-in</th>
              <th className="px-5 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.data.users.map((u) => {
              const locked = u.lockedUntil && new Date(u.lockedUntil) > new Date();
              return (
                <tr key={u.id} data-testid={`user-row-${u.email}`}>
                  <td className="px-5 py-3">
                    <div className="font-medium text-slate-900">{u.name}</div>
                    <div className="text-xs text-slate-500">{u.email}</div>
                  </td>
                  <td className="px-5 py-3">
                    <select
                      aria-label={`Role of ${u.email}`}
                      value={u.role}
                      disabled={update.isPending}
                      onChange={(e) =>
                        update.mutate({ id: u.id, role: e.target.value as TUserRow["role"] })
                      }
                      className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="px-5 py-3">
                    {!u.active ? (
                      <Badge tone="gray">disabled</Badge>
                    ) : locked ? (
                      <Badge tone="red">locked</Badge>
                    ) : (
                      <Badge tone="green">active</Badge>
                    )}
                  </td>
                  <td className="px-5 py-3 text-slate-600">
                    {u.lastLoginAt
                      ? new Date(u.lastLoginAt).toLocaleString("es-CO", {
                          timeZone: "America/Bogota",
                        })
                      : "never"}
                  </td>
                  <td className="px-5 py-3 text-right">
                    <div className="flex justify-end gap-2">
                      <Button
                        variant="secondary"
                        onClick={() => onReset(u)}
                        disabled={reset.isPending}
                      >
                        Reset password
                      </Button>
                      {u.id !== currentUserId ? (
                        <Button
                          variant={u.active ? "danger" : "secondary"}
                          disabled={update.isPending}
                          onClick={() => update.mutate({ id: u.id, active: !u.active })}
                        >
                          {u.active ? "Disable" : "Enable"}
                        </Button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
