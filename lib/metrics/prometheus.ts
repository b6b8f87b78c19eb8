// Prometheus text exposition format 0.0.4, rendered from plain data. Pure module.

export type TSample = { labels?: Record<string, string>; value: number; suffix?: string };
export type TMetricFamily = {
  name: string;
  help: string;
  type: "counter" | "gauge" | "histogram";
  samples: TSample[];
};

const escapeLabel = (v: string) =>
  v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');

function labelText(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) return "";
  return `{${entries.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(",")}}`;
}

function num(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "+Inf";
  if (v === -Infinity) return "-Inf";
  return String(v);
}

export function renderPrometheus(families: TMetricFamily[]): string {
  const lines: string[] = [];
  for (const f of families) {
    lines.push(`# HELP ${f.name} ${f.help.replace(/\n/g, " ")}`, `# TYPE ${f.name} ${f.type}`);
    for (const s of f.samples)
      lines.push(`${f.name}${s.suffix ?? ""}${labelText(s.labels)} ${num(s.value)}`);
  }
  return lines.join("\n") + "\n";
}

/** A histogram's samples from per-slot counts: cumulative `le` buckets (seconds), `_sum`, `_count`. */
export function histogramSamples(
  labels: Record<string, string>,
  boundsMs: readonly number[],
  slots: readonly number[],
  sumMs: number,
): TSample[] {
  const out: TSample[] = [];
  let cumulative = 0;
  boundsMs.forEach((b, i) => {
    cumulative += slots[i] ?? 0;
    out.push({ suffix: "_bucket", labels: { ...labels, le: String(b / 1000) }, value: cumulative });
  });
  cumulative += slots[boundsMs.length] ?? 0;
  out.push({ suffix: "_bucket", labels: { ...labels, le: "+Inf" }, value: cumulative });
  out.push({ suffix: "_sum", labels, value: sumMs / 1000 });
  out.push({ suffix: "_count", labels, value: cumulative });
  return out;
}
