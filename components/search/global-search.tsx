"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { recogniseId } from "@/lib/search/recognise-id";
import { SearchResults } from "./search-results";

// The header's search box: any id, recognised as it is typed; Enter looks it up (exact, indexed)
// and shows where it leads; Ctrl/Cmd-K focuses it from anywhere; Escape closes the panel.
export function GlobalSearch() {
  const t = useTranslations("search");
  const [text, setText] = useState("");
  const [submitted, setSubmitted] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const live = text.trim() ? recogniseId(text) : null;
  const close = () => setSubmitted(null);
  return (
    <div className="relative min-w-[16rem] flex-1 xl:max-w-xl">
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) setSubmitted(text);
        }}
      >
        <label htmlFor="global-search" className="sr-only">
          {t("box.label")}
        </label>
        <Search
          className="pointer-events-none absolute left-3 top-2.5 h-4 w-4 text-slate-400"
          aria-hidden
        />
        <input
          id="global-search"
          ref={input}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setSubmitted(null);
          }}
          onKeyDown={(e) => e.key === "Escape" && close()}
          placeholder={t("box.placeholder")}
          autoComplete="off"
          spellCheck={false}
          className="w-full rounded-md border border-slate-300 py-2 pl-9 pr-28 font-mono text-sm placeholder:font-sans"
        />
        {live ? (
          <span
            className={`absolute right-3 top-2.5 text-xs ${live.ok ? "text-slate-600" : "text-amber-800"}`}
            aria-live="polite"
          >
            {live.ok ? t(`kinds.${live.kind}`) : t("box.notAnId")}
          </span>
        ) : (
          <kbd className="pointer-events-none absolute right-3 top-2 rounded border border-slate-300 bg-white px-1.5 text-xs text-slate-600">
            {t("box.shortcut")}
          </kbd>
        )}
      </form>
      {submitted ? (
        <div className="absolute z-30 mt-1 w-full rounded-md border border-slate-200 bg-white shadow-lg">
          <SearchResults q={submitted} compact onNavigate={close} />
          <div className="flex justify-between border-t border-slate-100 px-3 py-2 text-xs">
            <button
              type="button"
              className="text-brand-700 hover:underline"
              onClick={() => {
                router.push(`/search?q=${encodeURIComponent(submitted.trim())}`);
                close();
              }}
            >
              {t("box.openPage")}
            </button>
            <button type="button" className="text-slate-500 hover:underline" onClick={close}>
              {t("box.close")}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
