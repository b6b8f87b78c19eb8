"use client";

import { useEffect } from "react";

const TEXT = { signingIn: "Your session has ended. Taking you to sign in…" };

// The console layout's fallback when the session is gone: sign in, then come back to this exact
// address (path and query). Pages normally redirect on the server first, with the same callbackUrl.
export function SignInRedirect() {
  useEffect(() => {
    const here = window.location.pathname + window.location.search;
    window.location.replace(`/login?callbackUrl=${encodeURIComponent(here)}`);
  }, []);
  return (
    <p role="status" className="p-8 text-sm text-slate-700">
      {TEXT.signingIn}
    </p>
  );
}
