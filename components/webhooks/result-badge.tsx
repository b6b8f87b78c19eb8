import { useTranslations } from "next-intl";
import { Badge } from "../ui/badge";
import type { TProcessingResult } from "./api";

type TTone = Parameters<typeof Badge>[0]["tone"];

function toneOf(r: TProcessingResult): TTone {
  switch (r) {
    case "applied":
      return "green";
    case "ignored_stale":
      return "gray";
    case "correction":
      return "purple";
    case "external":
      return "blue";
    case "error":
      return "red";
    default: {
      const never: never = r;
      return never;
    }
  }
}

/** A processing result's name on screen ("ignored stale"); an unknown one is shown as it is. */
export function useResultLabel() {
  const t = useTranslations("webhooks.results");
  return (r: string) => (t.has(r) ? t(r) : r.replace(/_/g, " "));
}

export function ResultBadge({ result }: { result: TProcessingResult | null }) {
  const label = useResultLabel();
  return result ? (
    <Badge tone={toneOf(result)}>{label(result)}</Badge>
  ) : (
    <Badge tone="yellow">{label("pending")}</Badge>
  );
}

export function SignatureBadge({ value }: { value: "valid" | "valid_previous_secret" }) {
  const t = useTranslations("webhooks.signatures");
  return value === "valid" ? (
    <Badge tone="green">{t("valid")}</Badge>
  ) : (
    <Badge tone="yellow">{t("previous")}</Badge>
  );
}
