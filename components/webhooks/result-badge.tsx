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

export function ResultBadge({ result }: { result: TProcessingResult | null }) {
  return result ? (
    <Badge tone={toneOf(result)}>{result.replace("_", " ")}</Badge>
  ) : (
    <Badge tone="yellow">pending</Badge>
  );
}

export function SignatureBadge({ value }: { value: "valid" | "valid_previous_secret" }) {
  return value === "valid" ? (
    <Badge tone="green">valid</Badge>
  ) : (
    <Badge tone="yellow">previous secret</Badge>
  );
}
