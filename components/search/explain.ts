import type { TIdKind, TRecognised } from "@/lib/search/recognise-id";

type TNotAnId = Extract<TRecognised, { ok: false }>;
type TTranslate = (key: string, values?: Record<string, string | number>) => string;

// Why a pasted text is not an id, in the person's language: recogniseId (lib/search/recognise-id.ts,
// shared with the server) gives a stable code and its values; the "search" catalogue words it
// (reasons.<code>), with the label of the id kind it looks like.
export function explainNotAnId(
  r: TNotAnId,
  t: TTranslate,
  kindLabel: (kind: TIdKind) => string,
): string {
  return t(`reasons.${r.code}`, {
    ...(r.params ?? {}),
    ...(r.looksLike ? { label: kindLabel(r.looksLike) } : {}),
  });
}
