import Link from "next/link";
import type { LucideIcon } from "lucide-react";

// The console's own not-found, error and loading screens: a heading that says what happened, a
// sentence on what to do, and the way out.
export function StatusPage({
  icon: Icon,
  title,
  children,
  actions,
  code,
}: {
  icon: LucideIcon;
  title: string;
  children?: React.ReactNode;
  actions?: React.ReactNode;
  code?: string;
}) {
  return (
    <div
      className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white px-6 py-12 text-center shadow-sm"
      data-testid="status-page"
    >
      <Icon className="mx-auto h-10 w-10 text-slate-500" aria-hidden />
      {code ? <p className="mt-3 font-mono text-sm text-slate-600">{code}</p> : null}
      <h1 className="mt-2 text-xl font-semibold text-slate-900">{title}</h1>
      {children ? <div className="mx-auto mt-2 text-sm text-slate-700">{children}</div> : null}
      {actions ? <div className="mt-6 flex justify-center gap-3">{actions}</div> : null}
    </div>
  );
}

export function HomeLink({ href = "/overview", label }: { href?: string; label: string }) {
  return (
    <Link
      href={href}
      className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
    >
      {label}
    </Link>
  );
}
