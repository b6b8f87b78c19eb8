import { Badge } from "../ui/badge";
import type { TBalanceLevel } from "./api";

const TONE = { ok: "green", warning: "yellow", critical: "red", unknown: "gray" } as const;
const LABEL: Record<TBalanceLevel, string> = {
  ok: "above floors",
  warning: "under warning floor",
  critical: "under critical floor",
  unknown: "not polled",
};

export function LevelBadge({ level }: { level: TBalanceLevel }) {
  return (
    <span data-testid="balance-level" data-level={level}>
      <Badge tone={TONE[level]}>{LABEL[level]}</Badge>
    </span>
  );
}
