import { defineConfig } from "apiloom-gen/config";

// `npm run generate` regenerates generated/ from the Stride seed specs; CI runs it with --check.
export default defineConfig({
  inputs: ["specs/*"],
  // the bodies the seeds leave out, laid over them (OpenAPI Overlay) instead of editing the
  // vendor's files; an overlay of the config is never read as an input, though specs/* matches it
  overlays: [
    "specs/stride-messages.overlay.yaml",
    "specs/stride-messaging.overlay.yaml",
  ],
  out: "generated",
  artifacts: ["client", "server", "validators", "docs", "openapi"],
  // the seeds title themselves after one of their operations ("Stride Get conversation roster")
  info: {
    title: "Stride",
    description:
      "Atlassian Stride's team chat API: sites, conversations, messages, files and app modules.",
  },
  // scaffolded once, then only given stubs for new endpoints; the code in it is hand-written
  // the framework adapters too, so docs/server.md's examples compile against generated/
  server: {
    handlers: "examples/stride-server/handlers.ts",
    adapters: ["express", "fastify", "hono"],
  },
});
