import { useTranslations } from "next-intl";
import { ReferenceLine } from "recharts";
import type { TAnnotation } from "./api";

const COLOR: Record<TAnnotation["kind"], string> = {
  breaker_open: "#dc2626",
  breaker_closed: "#16a34a",
  kill_switch_on: "#7c3aed",
  kill_switch_off: "#7c3aed",
  key_rotated: "#0284c7",
};

// Recharts only renders reference lines that are direct children of a chart, so this returns
// an array to spread into one (not a wrapper component). `label` names an annotation in the
// person's language.
export function annotationLines(annotations: TAnnotation[], label: (a: TAnnotation) => string) {
  return annotations.map((a) => (
    <ReferenceLine
      key={`${a.kind}-${a.at}`}
      x={Date.parse(a.at)}
      stroke={COLOR[a.kind]}
      strokeDasharray="4 3"
      label={{ value: label(a), position: "insideTopLeft", fontSize: 10, fill: COLOR[a.kind] }}
    />
  ));
}

/** Names an annotation from charts.annotations.<kind>, else as the server labelled it. */
export function useAnnotationLabel(): (a: TAnnotation) => string {
  const t = useTranslations("charts.annotations");
  return (a) => (t.has(a.kind) ? t(a.kind) : a.label);
}
