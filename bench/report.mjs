// The bench's pure arithmetic and wording (bench/run.mjs prints them; test/bench-report.test.ts
// checks them): medians, ratios to a peer, goals judged met or not met, and the machine's load.

/**
 * The median of some numbers (the mean of the middle two when their count is even); NaN for none.
 * @param {readonly number[]} values
 * @returns {number}
 */
export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * `value / peer` as `0.42×`, or `n/a` when either is missing or the peer is zero.
 * @param {number} value
 * @param {number} peer
 * @returns {string}
 */
export function ratio(value, peer) {
  const r = value / peer;
  return Number.isFinite(r) ? `${r.toFixed(2)}×` : "n/a";
}

/**
 * One goal's line: what was measured against its limit, and `met` only when every figure is
 * measured and within it (a goal on wall and CPU is met when both are).
 * @param {string} goal what the goal is, e.g. `github, all artifacts ≤ 0.25× openapi-typescript`
 * @param {readonly { name: string, value: number }[]} figures e.g. wall and CPU ratios
 * @param {number} limit the largest value that meets the goal
 * @param {string} unit printed after each figure (`×`, ` MiB`)
 * @returns {{ met: boolean, line: string }}
 */
export function goal(goal, figures, limit, unit) {
  const measured = figures.every((f) => Number.isFinite(f.value));
  const met = measured && figures.every((f) => f.value <= limit);
  const shown = figures
    .map(
      (f) =>
        `${f.name ? `${f.name} ` : ""}${Number.isFinite(f.value) ? `${round(f.value, unit)}${unit}` : "n/a"}`,
    )
    .join(", ");
  const verdict = !measured ? "not measured" : met ? "met" : "not met";
  return { met, line: `${goal}: ${shown}: ${verdict}` };
}

/** @param {number} value @param {string} unit */
function round(value, unit) {
  return unit.trim() === "MiB" ? value.toFixed(0) : value.toFixed(2);
}

/**
 * The machine's load as printed at the start and end of a run, with a warning when the last
 * minute's load is above the core count (other work then slows the tools unevenly: wall-time
 * ratios are unreliable, CPU time less so).
 * @param {string} when `start` or `end`
 * @param {readonly number[]} loadavg os.loadavg(): 1, 5 and 15 minutes
 * @param {number} cores os.availableParallelism()
 * @returns {string[]} the lines to print
 */
export function loadLines(when, loadavg, cores) {
  const lines = [
    `bench: load average at ${when}: ${loadavg.map((l) => l.toFixed(2)).join(", ")} (1, 5, 15 min) on ${cores} core${cores === 1 ? "" : "s"}`,
  ];
  if (loadavg[0] > cores)
    lines.push(
      `bench: WARNING: the load (${loadavg[0].toFixed(2)}) is above the core count (${cores}): the machine is busy, wall times and their ratios are unreliable; compare CPU times, or run again when it is quiet`,
    );
  return lines;
}

/**
 * Issue 29's goals as lines, from one run's figures (bench/run.mjs's results: per input, its full
 * run and, for GitHub, the peers and the client alone); a goal whose cases were not run is left out.
 * @param {readonly any[]} results
 * @returns {string[]}
 */
export function goals(results) {
  const lines = [];
  const byName = (/** @type {string} */ name) =>
    results.find((r) => r.input.name === name);
  // a case whose every run failed has no figure: its goals are not measured
  const of = (/** @type {any} */ row, /** @type {string} */ key) =>
    row.failed ? NaN : row[key];
  const over = (
    /** @type {any} */ row,
    /** @type {any} */ peer,
    /** @type {string} */ key,
  ) => of(row, key) / of(peer, key);
  const github = byName("github");
  if (github?.types) {
    const { full, types, clientOnly, client } = github;
    lines.push(
      goal(
        `github, all artifacts ≤ 0.25× ${types.label}`,
        [
          { name: "wall", value: over(full, types, "medianMs") },
          { name: "CPU", value: over(full, types, "cpuMs") },
        ],
        0.25,
        "×",
      ),
      goal(
        `github, client only ≤ 0.25× ${client.label}`,
        [
          { name: "wall", value: over(clientOnly, client, "medianMs") },
          { name: "CPU", value: over(clientOnly, client, "cpuMs") },
        ],
        0.25,
        "×",
      ),
    );
  }
  if (github)
    lines.push(
      goal(
        "github, all artifacts, peak RSS ≤ 200 MiB",
        [{ name: "", value: of(github.full, "rssMb") }],
        200,
        " MiB",
      ),
    );
  // issue 46: the goals hold on Node 24 too (its peers ran on the bench's own Node)
  for (const row of github?.nodes ?? []) {
    if (row.major !== 24) continue;
    const types = github.types;
    if (types)
      lines.push(
        goal(
          `github on Node 24, all artifacts ≤ 0.25× ${types.label}`,
          [
            { name: "wall", value: over(row, types, "medianMs") },
            { name: "CPU", value: over(row, types, "cpuMs") },
          ],
          0.25,
          "×",
        ),
      );
    lines.push(
      goal(
        "github on Node 24, all artifacts, peak RSS ≤ 250 MiB",
        [{ name: "", value: of(row, "rssMb") }],
        250,
        " MiB",
      ),
    );
  }
  const first = byName("synthetic-1k");
  const last = byName("synthetic-16k");
  if (first && last)
    lines.push(
      goal(
        "synthetic 16k / 1k ≤ 17× (16× is linear)",
        [
          { name: "wall", value: over(last.full, first.full, "medianMs") },
          { name: "CPU", value: over(last.full, first.full, "cpuMs") },
        ],
        17,
        "×",
      ),
    );
  const tenK = byName("synthetic-10k");
  if (tenK)
    lines.push(
      goal(
        "synthetic 10k operations, peak RSS ≤ 250 MiB",
        [{ name: "", value: of(tenK.full, "rssMb") }],
        250,
        " MiB",
      ),
    );
  return lines.map((l) => l.line);
}
