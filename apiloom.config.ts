import { defineConfig } from "apiloom/config";

// `npm run generate` regenerates generated/ from the Stride seed specs; CI runs it with --check.
export default defineConfig({
  inputs: ["specs/*"],
  out: "generated",
  artifacts: ["client", "server", "validators", "docs", "openapi"],
  // scaffolded once, then only given stubs for new endpoints; the code in it is hand-written
  server: { handlers: "examples/stride-server/handlers.ts" },
});
