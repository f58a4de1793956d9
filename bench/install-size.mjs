#!/usr/bin/env node
// What a user's `npm i -D` weighs, apiloom beside its peers (issue 61): each is installed into an
// empty folder of its own, as a new project would (`npm i -D <package>`, apiloom from the tarball
// `npm pack` makes), and `du -sk node_modules` measured. Run by `npm run bench` after run.mjs
// (BENCH_ONLY unset or naming `install`), or alone: `node bench/install-size.mjs`. Without the
// npm registry (offline) it says so and measures nothing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const ONLY = process.env.BENCH_ONLY?.split(",").filter(Boolean);

/** The peers as the issue measured them: the packages a user installs for a typed client. */
const PEERS = [
  { label: "hey-api 0.99", packages: ["@hey-api/openapi-ts@0.99"] },
  { label: "orval 8.38", packages: ["orval@8.38"] },
  {
    label: "openapi-typescript 7.13 + openapi-fetch 0.17",
    packages: ["openapi-typescript@7.13", "openapi-fetch@0.17"],
  },
];

const sh = (cmd, args, cwd) =>
  spawnSync(cmd, args, { cwd, encoding: "utf8", env: process.env });

/** `npm i -D` of `packages` into a fresh project; its node_modules in KiB, or why not. */
function installed(packages) {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-install-size-"));
  try {
    writeFileSync(
      join(dir, "package.json"),
      '{ "name": "app", "private": true, "type": "module" }\n',
    );
    const npm = sh(
      "npm",
      ["i", "-D", "--no-audit", "--no-fund", "--loglevel=error", ...packages],
      dir,
    );
    if (npm.status !== 0)
      return { error: (npm.stderr || npm.stdout).trim().split("\n").pop() };
    const du = sh("du", ["-sk", "node_modules"], dir);
    return { kib: Number(du.stdout.split(/\s/)[0]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main() {
  if (ONLY && !ONLY.includes("install")) return;
  console.log(
    "\nInstall size (npm i -D into an empty project, du -sk node_modules):",
  );
  const ping = sh("npm", ["ping", "--loglevel=error"], ROOT);
  if (ping.status !== 0) {
    console.log(
      "- skipped: the npm registry does not answer (offline?); nothing measured",
    );
    return;
  }
  const packs = mkdtempSync(join(tmpdir(), "apiloom-install-pack-"));
  try {
    const pack = sh(
      "npm",
      ["pack", "--silent", "--pack-destination", packs],
      ROOT,
    );
    const tarball = readdirSync(packs).find((f) => f.endsWith(".tgz"));
    const rows = [
      {
        label: "apiloom (this checkout, packed)",
        result: tarball
          ? installed([join(packs, tarball)])
          : { error: `npm pack failed: ${pack.stderr.trim()}` },
      },
      ...PEERS.map((peer) => ({
        label: peer.label,
        result: installed(peer.packages),
      })),
    ];
    const lightest = Math.min(
      ...rows.slice(1).flatMap((r) => (r.result.kib ? [r.result.kib] : [])),
    );
    console.log("| package | node_modules | to the lightest peer |");
    console.log("| --- | ---: | ---: |");
    for (const { label, result } of rows)
      console.log(
        result.kib
          ? `| ${label} | ${(result.kib / 1024).toFixed(1)} MiB | ${Number.isFinite(lightest) ? `${(result.kib / lightest).toFixed(2)}×` : ""} |`
          : `| ${label} | not measured: ${result.error} | |`,
      );
  } finally {
    rmSync(packs, { recursive: true, force: true });
  }
}

main();
