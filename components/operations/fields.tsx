import { cn } from "../ui/cn";

// Form primitives shared by the payout, transfer, decision and settings forms.
export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm disabled:bg-slate-50 aria-[invalid=true]:border-red-500";

export function Field({
  label,
  hint,
  error,
  children,
  className,
}: {
  label: string;
  hint?: React.ReactNode;
  error?: string | null;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <label className={cn("block text-sm font-medium text-slate-700", className)}>
      {label}
      {children}
      {error ? (
        <span className="mt-1 block text-xs font-normal text-red-700">{error}</span>
      ) : hint ? (
        <span className="mt-1 block text-xs font-normal text-slate-500">{hint}</span>
      ) : null}
    </label>
  );
}
