// Rewrites the diagnostics table of docs/diagnostics.md from the registry; run by `npm run readme:diagnostics`
// (which builds dist/ first). test/diagnostics/registry.test.ts fails while the two differ.
import { readFileSync, writeFileSync } from "node:fs";
import * as prettier from "prettier";
import { DIAGNOSTIC_CODES } from "../dist/diagnostic-codes.js";
import { END, START, diagnosticsTable } from "./diagnostics-table.mjs";

const PAGE = "docs/diagnostics.md";
const readme = readFileSync(PAGE, "utf8");
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start === -1 || end === -1) {
  process.stderr.write(`${PAGE} lacks the markers ${START} … ${END}\n`);
  process.exit(1);
}
const next =
  readme.slice(0, start + START.length) +
  "\n\n" +
  diagnosticsTable(DIAGNOSTIC_CODES) +
  "\n\n" +
  readme.slice(end);
const formatted = await prettier.format(next, { parser: "markdown" });
writeFileSync(PAGE, formatted);
process.stdout.write(
  `${PAGE}: ${Object.keys(DIAGNOSTIC_CODES).length} diagnostic codes\n`,
);
