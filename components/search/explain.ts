import type { TIdKind, TRecognised } from "@/lib/search/recognise-id";

type TNotAnId = Extract<TRecognised, { ok: false }>;
type TTranslate = (key: string, values?: Record<string, string | number>) => string;

// recogniseId (lib/search/recognise-id.ts, shared with the server) says in English why a pasted
// text is not an id. The search box says it in the person's language: each of its sentences is
// recognised here and written from the "search" catalogue; a sentence this does not know is shown
// as it is.
const SENTENCES: {
  re: RegExp;
  key: string;
  values: (m: RegExpExecArray) => Record<string, string | number>;
  needsKind?: boolean;
}[] = [
  { re: /^Paste an id: /, key: "empty", values: () => ({}) },
  {
    re: /^Too long \((\d+) characters\): no id the console knows is longer than (\d+)\.$/,
    key: "tooLong",
    values: (m) => ({ length: m[1], max: m[2] }),
  },
  { re: /^Contains spaces: /, key: "spaces", values: () => ({}) },
  {
    re: /^.+ prefixes are lower case: (\S+)…$/,
    key: "prefixCase",
    values: (m) => ({ prefix: m[1] }),
    needsKind: true,
  },
  {
    re: /^Only the prefix (\S+) was pasted: /,
    key: "onlyPrefix",
    values: (m) => ({ prefix: m[1] }),
  },
  {
    re: /^.+s contain only letters and digits after (\S+); this one has "(.*)"\.$/su,
    key: "badChar",
    values: (m) => ({ prefix: m[1], char: m[2] }),
    needsKind: true,
  },
  {
    re: /^.+s have (\d+) characters after (\S+); this one has (\d+) \(cut off or extra characters\?\)\.$/,
    key: "badLength",
    values: (m) => ({ expected: m[1], prefix: m[2], actual: m[3] }),
    needsKind: true,
  },
  { re: /^Looks like an idempotency key \(UUID\)/, key: "uuid", values: () => ({}) },
  { re: /^Console external ids look like /, key: "externalId", values: () => ({}) },
  {
    re: /^Not an id the console knows: "(.*)" is not used in ids or references\.$/su,
    key: "unknown",
    values: (m) => ({ char: m[1] }),
  },
];

export function explainNotAnId(
  r: TNotAnId,
  t: TTranslate,
  kindLabel: (kind: TIdKind) => string,
): string {
  for (const s of SENTENCES) {
    const m = s.re.exec(r.reason);
    if (!m) continue;
    if (s.needsKind && !r.looksLike) break;
    const values = s.values(m);
    return t(
      `reasons.${s.key}`,
      s.needsKind ? { ...values, label: kindLabel(r.looksLike!) } : values,
    );
  }
  return r.reason;
}
