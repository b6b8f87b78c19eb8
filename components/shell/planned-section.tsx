import type { LucideIcon } from "lucide-react";
import { EmptyState } from "../ui/empty-state";
import { PageHeader } from "../ui/page-header";

// A section whose capability has not landed yet: it says what will be here, so nobody mistakes
// an empty page for "no data".
export function PlannedSection({
  title,
  description,
  icon,
  heading,
  points,
}: {
  title: string;
  description: string;
  icon: LucideIcon;
  heading: string;
  points: string[];
}) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <EmptyState icon={icon} title={heading}>
        <ul className="mt-2 space-y-1 text-left">
          {points.map((p) => (
            <li key={p} className="flex gap-2">
              <span aria-hidden className="text-slate-400">
                •
              </span>
              {p}
            </li>
          ))}
        </ul>
      </EmptyState>
    </>
  );
}
