"use client";

import { Button } from "../ui/button";

// A password shown once: the server keeps only its hash, so this is the only chance to copy it.
export function OneTimeSecret({
  label,
  value,
  onDismiss,
}: {
  label: string;
  value: string;
  onDismiss: () => void;
}) {
  return (
    <div
      role="status"
      className="flex flex-wrap items-center gap-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      <span>{label}:</span>
      <code className="rounded bg-white px-2 py-0.5 font-mono" data-testid="temporary-password">
        {value}
      </code>
      <span className="text-xs">
        Shown once. Hand it over securely; it works until the user changes it or an admin resets it.
      </span>
      <Button variant="ghost" onClick={() => navigator.clipboard?.writeText(value)}>
        Copy
      </Button>
      <Button variant="ghost" onClick={onDismiss}>
        Dismiss
      </Button>
    </div>
  );
}
