import { Suspense } from "react";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/require-user";
import { oidcEnabled } from "@/lib/auth/auth-options";
import { env } from "@/lib/env";
import { LoginForm } from "@/components/auth/login-form";
import { Providers } from "@/components/providers";
import { LanguagePicker } from "@/components/i18n/language-picker";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("title") };
}
export const dynamic = "force-dynamic";

// Only a path on this console (not "//other.host"), as the sign-in form accepts it.
const safeCallback = (v: unknown) =>
  typeof v === "string" && v.startsWith("/") && !v.startsWith("//") ? v : "/overview";

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await currentUser()) redirect(safeCallback((await searchParams).callbackUrl));
  const t = await getTranslations("auth");
  return (
    <Providers>
      <main className="grid min-h-screen place-items-center bg-gradient-to-b from-slate-50 to-brand-50 px-4">
        <div className="w-full max-w-sm">
          <div className="mb-2 flex justify-end">
            <LanguagePicker />
          </div>
          <div className="mb-6 text-center">
            <span className="mx-auto grid h-12 w-12 place-items-center rounded-xl bg-brand-600 text-lg font-bold text-white">
              M
            </span>
            <h1 className="mt-4 text-xl font-semibold text-slate-900">{t("brand")}</h1>
            <p className="mt-1 text-sm text-slate-600">{t("tagline")}</p>
          </div>
          <Suspense>
            <LoginForm sso={oidcEnabled()} />
          </Suspense>
          {env.MONO_ENV === "sandbox" ? (
            <p className="mt-4 text-center text-xs text-slate-600">
              {t.rich("sandboxHint", { code: (c) => <code>{c}</code> })}
            </p>
          ) : null}
        </div>
      </main>
    </Providers>
  );
}
