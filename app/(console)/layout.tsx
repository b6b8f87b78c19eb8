import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/require-user";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { Sidebar } from "@/components/shell/sidebar";
import { UserMenu } from "@/components/shell/user-menu";
import { Providers } from "@/components/providers";
import { Badge } from "@/components/ui/badge";
import { CriticalAlertBanner } from "@/components/alerts/critical-banner";
import { GlobalSearch } from "@/components/search/global-search";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  const items = NAV_ITEMS.filter((i) => can(user.role, i.permission));
  return (
    <Providers>
      <div className="flex min-h-screen">
        <aside className="hidden w-60 shrink-0 border-r border-slate-200 bg-white md:block">
          <Link
            href="/overview"
            className="flex items-center gap-2 border-b border-slate-100 px-5 py-4"
          >
            <span className="grid h-8 w-8 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white">
              M
            </span>
            <span className="text-sm font-semibold text-slate-900">Mono Ops Console</span>
          </Link>
          <Sidebar items={items} />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          {can(user.role, "alerts.read") ? <CriticalAlertBanner /> : null}
          <header className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-6 py-3">
            {can(user.role, "requests.read") ? <GlobalSearch /> : null}
            <div className="flex shrink-0 items-center gap-2 text-sm text-slate-600">
              Mono environment:
              <Badge tone={env.MONO_ENV === "production" ? "red" : "yellow"}>{env.MONO_ENV}</Badge>
            </div>
            <UserMenu name={user.name} email={user.email} role={user.role} />
          </header>
          <main className="mx-auto w-full max-w-7xl flex-1 px-6 py-8">{children}</main>
        </div>
      </div>
    </Providers>
  );
}
