/**
 * The table of diagnostic codes in docs/diagnostics.md, made from the registry (src/diagnostic-codes.ts).
 * Used by scripts/readme-diagnostics.mjs to write it and by the registry test to check it.
 */
export const START = "<!-- diagnostics:start (npm run readme:diagnostics) -->";
export const END = "<!-- diagnostics:end -->";

/** @param {Record<string, { severity: string; meaning: string }>} registry */
export function diagnosticsTable(registry) {
  const rows = Object.entries(registry)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([code, { severity, meaning }]) =>
        `| \`${code}\` | ${severity} | ${meaning} |`,
    );
  return ["| code | severity | means |", "| --- | --- | --- |", ...rows].join(
    "\n",
  );
}

/** The rows of the table between the markers of `readme`: [code, severity, meaning][]. */
export function tableRows(readme) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1) return undefined;
  return readme
    .slice(start + START.length, end)
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) =>
      line
        .slice(1, -1)
        .split(" | ")
        .map((cell) => cell.trim()),
    )
    .map(([code, severity, meaning]) => [
      code.replace(/`/g, ""),
      severity,
      meaning,
    ]);
}
