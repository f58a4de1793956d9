import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO } from "./source-tree.js";

/** The text of one `## ` section of ARCHITECTURE.md, up to the next `## ` heading. */
export function architectureSection(title: string): string {
  const text = readFileSync(join(REPO, "ARCHITECTURE.md"), "utf8");
  const start = text.indexOf(`\n## ${title}\n`);
  if (start === -1)
    throw new Error(`ARCHITECTURE.md has no "## ${title}" section`);
  const end = text.indexOf("\n## ", start + 1);
  return text.slice(start + 1, end === -1 ? undefined : end);
}
