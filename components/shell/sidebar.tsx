"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  ArrowLeftRight,
  Banknote,
  Bell,
  CheckCheck,
  Gauge,
  ListChecks,
  ListTree,
  Scale,
  ScrollText,
  Settings,
  Users,
  Webhook,
  type LucideIcon,
} from "lucide-react";
import { cn } from "../ui/cn";
import type { TNavItem } from "./nav-items";

const ICONS: Record<string, LucideIcon> = {
  gauge: Gauge,
  banknote: Banknote,
  "arrow-left-right": ArrowLeftRight,
  "check-check": CheckCheck,
  "list-checks": ListChecks,
  "list-tree": ListTree,
  webhook: Webhook,
  scale: Scale,
  bell: Bell,
  "scroll-text": ScrollText,
  users: Users,
  settings: Settings,
};

export function Sidebar({ items }: { items: TNavItem[] }) {
  const pathname = usePathname();
  const t = useTranslations("shell");
  return (
    <nav aria-label={t("mainNav")} className="flex flex-col gap-0.5 p-3">
      {items.map((item) => {
        const Icon = ICONS[item.icon] ?? Gauge;
        const active = pathname === item.href || pathname.startsWith(item.href + "/");
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium",
              active
                ? "bg-brand-50 text-brand-700"
                : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
            )}
          >
            <Icon className="h-4 w-4" aria-hidden />
            {t(`nav.${item.key}` as "nav.overview")}
          </Link>
        );
      })}
    </nav>
  );
}
