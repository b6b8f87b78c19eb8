"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "../ui/button";
import { ErrorNote } from "../ui/error-note";
import { useCreateUser } from "./use-users";
import { ROLES } from "@/lib/auth/permissions";
import { OneTimeSecret } from "./one-time-secret";

export function CreateUserForm() {
  const t = useTranslations("users.form");
  const roles = useTranslations("users.roles");
  const create = useCreateUser();
  const [issued, setIssued] = useState<{ email: string; password: string } | null>(null);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const form = e.currentTarget;
    create.mutate(
      {
        email: String(f.get("email")),
        name: String(f.get("name")),
        role: f.get("role") as (typeof ROLES)[number],
      },
      {
        onSuccess: (r) => {
          setIssued({ email: r.user.email, password: r.temporaryPassword });
          form.reset();
        },
      },
    );
  }

  return (
    <div className="space-y-3 p-5">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" aria-label={t("label")}>
        <label className="text-sm font-medium text-slate-700">
          {t("name")}
          <input
            name="name"
            required
            maxLength={120}
            className="mt-1 block w-48 rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("email")}
          <input
            name="email"
            type="email"
            required
            className="mt-1 block w-64 rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("role")}
          <select
            name="role"
            defaultValue="viewer"
            className="mt-1 block rounded-md border border-slate-300 px-3 py-2 text-sm"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roles(r)}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? t("creating") : t("create")}
        </Button>
      </form>
      <ErrorNote error={create.error} />
      {issued ? (
        <OneTimeSecret
          label={t("temporaryPassword", { email: issued.email })}
          value={issued.password}
          onDismiss={() => setIssued(null)}
        />
      ) : null}
    </div>
  );
}
