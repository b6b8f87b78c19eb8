"use client";

import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "../ui/button";

const KNOWN_ERRORS = ["invalid", "locked", "disabled", "AccessDenied"] as const;

export function LoginForm({ sso }: { sso: boolean }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(params.get("error"));
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const res = await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirect: false,
    });
    setPending(false);
    if (!res || res.error) {
      setError(res?.error ?? "invalid");
      return;
    }
    const next = params.get("callbackUrl");
    router.replace(next && next.startsWith("/") && !next.startsWith("//") ? next : "/overview");
    router.refresh();
  }

  return (
    <form
      onSubmit={onSubmit}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
      noValidate
    >
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {(KNOWN_ERRORS as readonly string[]).includes(error)
            ? t(`errors.${error as (typeof KNOWN_ERRORS)[number]}`)
            : t("errors.other")}
        </p>
      ) : null}
      <label className="block text-sm font-medium text-slate-700">
        {t("email")}
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none"
        />
      </label>
      <label className="block text-sm font-medium text-slate-700">
        {t("password")}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none"
        />
      </label>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
      {sso ? (
        <Button
          type="button"
          variant="secondary"
          className="w-full"
          onClick={() => signIn("oidc", { callbackUrl: "/overview" })}
        >
          {t("sso")}
        </Button>
      ) : null}
    </form>
  );
}
