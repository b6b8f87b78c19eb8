"use client";

import { useState } from "react";
import { signOut } from "next-auth/react";
import { LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import { apiFetch } from "../api-client";
import { Badge } from "../ui/badge";

// "Sign out" ends this session on the server as well (next-auth's signOut event revokes it);
// "Everywhere" first ends every session of this user (other browsers, copied cookies).
export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
  const t = useTranslations("shell");
  const [busy, setBusy] = useState(false);
  const everywhere = async () => {
    setBusy(true);
    try {
      await apiFetch("/api/auth/sign-out", { method: "POST", body: { everywhere: true } });
    } catch {
      // Already signed out (401) or the server is unreachable: the cookie is cleared below anyway.
    }
    await signOut({ callbackUrl: "/login" });
  };
  return (
    <div className="flex shrink-0 items-center gap-3">
      <div className="text-right leading-tight" title={email}>
        <div className="text-sm font-medium text-slate-900" data-testid="user-name">
          {name}
        </div>
        <div className="hidden text-xs text-slate-600 xl:block">{email}</div>
      </div>
      <Badge tone="blue">
        <span data-testid="user-role" data-role={role}>
          {t.has(`roles.${role}`) ? t(`roles.${role}` as "roles.viewer") : role}
        </span>
      </Badge>
      <button
        type="button"
        disabled={busy}
        onClick={() => signOut({ callbackUrl: "/login" })}
        className="inline-flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        <LogOut className="h-4 w-4" aria-hidden /> {t("signOut")}
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => void everywhere()}
        title={t("everywhereHint")}
        data-testid="sign-out-everywhere"
        className="rounded-md px-2 py-1.5 text-xs text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        {t("everywhere")}
      </button>
    </div>
  );
}
