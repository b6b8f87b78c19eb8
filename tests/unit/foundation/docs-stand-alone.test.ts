import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Docs stand alone (issue #17): no comment or doc in the repository points at material outside it
// (the team's briefing folder next to the repository, its design notes, source documents or API
// notes). The rationale lives in docs/DESIGN.md, and code cites it as "docs/DESIGN.md §4" or
// "docs/DESIGN.md P12". The patterns are written so that this file does not match itself.

const ROOT = path.resolve(__dirname, "../../..");
const EXCLUDED_PREFIXES = ["node_modules/", "generated/"];
const MAX_BYTES = 2 * 1024 * 1024;

type TRule = { name: string; pattern: RegExp; allowed?: (match: string) => boolean };

const RULES: TRule[] = [
  { name: "the sibling briefing folder", pattern: /\.\.\/shared\b/gi },
  { name: "a numbered source document", pattern: /\bseeds?\s+0\d\d/gi },
  { name: "the source documents' folder", pattern: /\bseeds\//gi },
  { name: "the source documents as a whole", pattern: /\bthe seeds['’]/gi },
  // A section sign after the bare word is the briefing's numbering; ours reads "DESIGN.md §4".
  { name: "a section of the briefing's design notes", pattern: /\bdesign\s*§/gi },
  // Our own page is docs/DESIGN.md (upper case); any other spelling is the briefing's file.
  {
    name: "the briefing's design notes",
    pattern: /design\.md/gi,
    allowed: (m) => m === "DESIGN.md",
  },
  { name: "the briefing's API notes", pattern: /mono-api\.md/gi },
  { name: "the briefing's style or stack notes", pattern: /\b(style|stack)(\.md\b|\s*§)/gi },
];

function isGitCheckout(): boolean {
  try {
    execFileSync("git", ["rev-parse", "--is-inside-work-tree"], { cwd: ROOT, stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

function trackedTextFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  return out
    .toString("utf8")
    .split("\0")
    .filter((f) => f !== "" && !EXCLUDED_PREFIXES.some((p) => f.startsWith(p)))
    .filter((f) => {
      const full = path.join(ROOT, f);
      if (!existsSync(full)) return false; // deleted in the work tree, not yet committed
      const st = statSync(full);
      return st.isFile() && st.size <= MAX_BYTES;
    });
}

function findReferences(file: string, text: string): string[] {
  const hits: string[] = [];
  text.split("\n").forEach((line, i) => {
    for (const rule of RULES) {
      for (const m of line.matchAll(rule.pattern)) {
        if (rule.allowed?.(m[0])) continue;
        hits.push(`${file}:${i + 1}: ${rule.name} ("${m[0]}"): ${line.trim().slice(0, 160)}`);
      }
    }
  });
  return hits;
}

describe("docs stand alone", () => {
  it("the patterns catch what they are meant to and spare our own references", () => {
    const outside = [
      ["..", "shared", `${"design"}.md`].join("/"),
      `see ${"design"} §4`,
      `${"Seed"} 001's pre-launch checks`,
      `(${"seeds"} 003)`,
      `${"seeds"}/004.txt`,
      `${"mono-api"}.md §1.6`,
      `the ${"seeds"}' defaults`,
      `(${"style"} §12)`,
    ];
    for (const text of outside) expect(findReferences("x", text), text).not.toEqual([]);
    const ours = [
      "docs/DESIGN.md §4",
      "docs/DESIGN.md P12",
      "(DESIGN.md §7)",
      "the seeded accounts",
      "npm run fuzz -- --seed 42",
      "a shared pool",
      "lifestyle choices",
    ];
    for (const text of ours) expect(findReferences("x", text), text).toEqual([]);
  });

  it.skipIf(!isGitCheckout())("no tracked file refers to material outside the repository", () => {
    const hits: string[] = [];
    for (const file of trackedTextFiles()) {
      const buf = readFileSync(path.join(ROOT, file));
      if (buf.includes(0)) continue; // binary (screenshots, fonts)
      hits.push(...findReferences(file, buf.toString("utf8")));
    }
    expect(hits, `references to outside material:\n${hits.join("\n")}`).toEqual([]);
  });
});
