// `node --random-seed=1 scripts/code-cache.mjs <bundle> <cache>`: V8's code cache for the CLI's
// one file (scripts/bundle.mjs runs it after joining the file; bin/load-cli.js reads it).
//
// Every function of the file compiled (V8's --no-lazy, for the compile only): a cache holds the
// functions compiled when it is made, and made this way it holds all of them, whatever a run
// calls, with no sample run (which would write files and depend on the machine's caches). The
// same flags as a run (setRunFlags) when the cache is written: V8 refuses a cache made under
// other flags. The fixed seed makes the bytes the same build after build: V8 seeds its string
// hashes from it, and a cache's hash tables follow them (a reader of the cache rehashes them);
// the fixed file name (CACHED_NAME) too, as V8 keeps the name a cache was made under.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import v8 from "node:v8";
import {
  CACHED_NAME,
  cacheHeader,
  compileBundle,
  setRunFlags,
} from "../bin/load-cli.js";

const [bundle, cache] = process.argv.slice(2);
if (!bundle || !cache) {
  process.stderr.write(
    "usage: node --random-seed=1 scripts/code-cache.mjs <bundle> <cache>\n",
  );
  process.exit(2);
}
setRunFlags();
const bytes = readFileSync(bundle);
v8.setFlagsFromString("--no-lazy");
const script = compileBundle(bytes, undefined, CACHED_NAME);
v8.setFlagsFromString("--lazy");
// written whole under a temporary name, then renamed: a CLI starting meanwhile reads the old
// cache or the new one, never a part
const temp = `${cache}.${process.pid}.tmp`;
writeFileSync(
  temp,
  Buffer.concat([cacheHeader(bytes), script.createCachedData()]),
);
renameSync(temp, cache);
