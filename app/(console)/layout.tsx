import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/require-user";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { openCriticalAlerts } from "@/lib/alerts/list-alerts";
import { getPolicy } from "@/lib/guard/get-policy";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { Sidebar } from "@/components/shell/sidebar";
import { LanguagePicker } from "@/components/i18n/language-picker";
import { UserMenu } from "@/components/shell/user-menu";
import { SignInRedirect } from "@/components/shell/sign-in-redirect";
import { Providers } from "@/components/providers";
import { Badge } from "@/components/ui/badge";
import { ConsoleBanners } from "@/components/alerts/critical-banner";
import { GlobalSearch } from "@/components/search/global-search";
import { NotificationBell } from "@/components/notifications/notification-bell";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  // Signed out: every page redirects to /login with its own address as callbackUrl; the layout
  // does not redirect itself (it does not know the address), it only falls back to the same.
  if (!user) return <SignInRedirect />;
  const t = await getTranslations("shell");
  const items = NAV_ITEMS.filter((i) => can(user.role, i.permission));
  // The banners' first answer, so the kill switch and critical alerts show on the first paint.
  const [alerts, policy] = await Promise.all([openCriticalAlerts(), getPolicy()]);
  return (
    <Providers>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("skip")}
      </a>
      <div className="flex min-h-screen">
        <aside className="hidden w-52 shrink-0 border-r border-slate-200 bg-white md:block xl:w-60">
          <Link
            href="/overview"
            className="flex items-center gap-2 border-b border-slate-100 px-5 py-4"
          >
            <span className="grid h-8 w-8 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white">
              M
            </span>
            <span className="text-sm font-semibold text-slate-900">{t("brand")}</span>
          </Link>
          <Sidebar items={items} />
          <div className="border-t border-slate-100 px-5 py-3">
            <LanguagePicker />
          </div>
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          {can(user.role, "alerts.read") ? (
            <ConsoleBanners
              initial={{
                count: alerts.count,
                latest: alerts.latest.map((a) => ({ ...a, openedAt: a.openedAt.toISOString() })),
                killSwitch: policy.settings.killSwitch,
              }}
              canSeeSettings={can(user.role, "settings.read")}
            />
          ) : null}
          <header className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-6 py-3">
            {can(user.role, "requests.read") ? <GlobalSearch /> : null}
            <div className="flex shrink-0 items-center gap-2 text-sm text-slate-600">
              <span className="hidden xl:inline">{t("environment")}</span>
              <Badge tone={env.MONO_ENV === "production" ? "red" : "yellow"}>{env.MONO_ENV}</Badge>
            </div>
            <NotificationBell />
            <UserMenu name={user.name} email={user.email} role={user.role} />
          </header>
          <main id="main" className="mx-auto w-full min-w-0 max-w-7xl flex-1 px-6 py-8">
            {children}
          </main>
        </div>
      </div>
    </Providers>
  );
}
