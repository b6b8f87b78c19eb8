import { useTranslations } from "next-intl";

// What a console page shows while its server part renders: the page's frame, not a blank screen.
export function PageLoading() {
  const t = useTranslations("shell");
  return (
    <div role="status" aria-live="polite" className="space-y-4" data-testid="page-loading">
      <span className="sr-only">{t("loading")}</span>
      <div className="h-7 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-4 w-96 max-w-full animate-pulse rounded bg-slate-200" />
      <div className="h-64 animate-pulse rounded-lg border border-slate-200 bg-white" />
    </div>
  );
}
