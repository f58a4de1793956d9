// `npm pack` / `npm publish` ship a package.json without what only this repository uses: the
// scripts (`prepare` builds dist/ from src/, which the tarball does not hold), devDependencies,
// workspaces, overrides and allowScripts (which dev dependencies may run install scripts).
// prepack (`strip`) builds dist/, keeps the original manifest beside it and writes the user's;
// postpack (`restore`) puts the original back byte for byte. A pack that dies between the two
// leaves the backup, and the next `strip` restores it first.
// APILOOM_PACK_NO_BUILD=1 skips the build (the packed-tarball test: its global setup has built
// dist/, and a second build would rewrite files other tests are reading).
import { execSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

const MANIFEST = "package.json";
const BACKUP = "package.json.repo";
const DEV_ONLY = [
  "scripts",
  "devDependencies",
  "workspaces",
  "overrides",
  "allowScripts",
];

const mode = process.argv[2];
if (mode === "strip") {
  if (existsSync(BACKUP)) renameSync(BACKUP, MANIFEST);
  if (!process.env.APILOOM_PACK_NO_BUILD)
    execSync("npm run build --silent", { stdio: "inherit" });
  const text = readFileSync(MANIFEST, "utf8");
  const manifest = JSON.parse(text);
  for (const key of DEV_ONLY) delete manifest[key];
  writeFileSync(BACKUP, text);
  writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2) + "\n");
} else if (mode === "restore") {
  if (existsSync(BACKUP)) renameSync(BACKUP, MANIFEST);
} else {
  process.stderr.write("usage: node scripts/pack-manifest.mjs strip|restore\n");
  process.exitCode = 2;
}
