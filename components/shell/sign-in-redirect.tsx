"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";

// The console layout's fallback when the session is gone: sign in, then come back to this exact
// address (path and query). Pages normally redirect on the server first, with the same callbackUrl.
export function SignInRedirect() {
  const t = useTranslations("shell");
  useEffect(() => {
    const here = window.location.pathname + window.location.search;
    window.location.replace(`/login?callbackUrl=${encodeURIComponent(here)}`);
  }, []);
  return (
    <p role="status" className="p-8 text-sm text-slate-700">
      {t("signingIn")}
    </p>
  );
}
