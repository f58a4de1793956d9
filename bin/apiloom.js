#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/ into dist/ by `npm run build` (run on install), its
// modules joined into one file, dist/cli/bundle.js (scripts/bundle.mjs: loading ~300 ES modules
// one by one was ~70 ms of every run), compiled with the code cache the build made for it
// (scripts/code-cache.mjs). V8's flags for the run are set before the CLI is compiled; both are
// in load-cli.js, which the build's cache maker shares.
import { loadCli, runCli, setRunFlags } from "./load-cli.js";

setRunFlags();
runCli(loadCli().main, process.argv.slice(2));
