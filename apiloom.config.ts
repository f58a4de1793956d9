import { defineConfig } from "apiloom/config";

// `npm run generate` regenerates generated/ from the Stride seed specs; CI runs it with --check.
export default defineConfig({
  inputs: ["specs/*"],
  out: "generated",
  artifacts: ["client", "server", "docs", "openapi"],
});
