"use client";

import { useState } from "react";
import { Check, Copy } from "lucide-react";

// Copies an id (or a permalink) exactly; support pastes these into tickets and Mono escalations.
export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      onClick={async () => {
        await navigator.clipboard?.writeText(value).catch(() => undefined);
        setDone(true);
        setTimeout(() => setDone(false), 1_500);
      }}
      className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs text-slate-600 ring-1 ring-slate-200 hover:bg-slate-50"
      aria-label={`${label} ${value}`}
      title={value}
    >
      {done ? (
        <Check className="h-3 w-3 text-emerald-600" aria-hidden />
      ) : (
        <Copy className="h-3 w-3" aria-hidden />
      )}
      {done ? "Copied" : label}
    </button>
  );
}
