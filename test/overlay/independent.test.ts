import { readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { openapiOverlay } from "openapi-format";
import { expect, it } from "vitest";
import { IngestReporter } from "../../src/ingest/codes.js";
import { applyOverlays, parseOverlay } from "./standalone.js";
import { CORPUS_DIR, describeCorpus } from "../shared-corpus.js";

/**
 * An independent implementation of the Overlay Specification from npm (openapi-format's
 * `openapiOverlay`, with its own JSONPath library, jsonpathly) applies the same overlays to the
 * corpus's OpenAPI documents: the parsed results must be equal to apiloom's.
 */
const DOCUMENTS = [
  "oas31/redocly-museum.yaml",
  "oas30/link-example.yaml",
  "swagger2/petstore.json",
  "swagger2/uber.yaml",
];

const OVERLAYS: Record<string, string> = {
  "update, merging objects and appending to lists": `overlay: 1.1.0
info: { title: t, version: "1" }
actions:
  - target: $.info
    update:
      description: Described by an overlay
      x-audience: [partners]
      contact: { name: API team }
  - target: $.paths.*.*
    update:
      x-owner: platform
      tags: [overlaid]
  - target: $.paths.*.get.parameters
    update: { name: trace, in: header, required: false }
`,
  "remove by name, by filter and recursively": `overlay: 1.0.0
info: { title: t, version: "1" }
actions:
  - target: $.paths.*.delete
    remove: true
  - target: $..parameters[?(@.in == 'header')]
    remove: true
  - target: $.paths..responses.default
    remove: true
`,
  "copy one node into others": `overlay: 1.1.0
info: { title: t, version: "1" }
actions:
  - target: $
    update:
      x-template: { x-rate-limit: 100, tags: [limited] }
  - target: $.paths.*.get
    copy: $['x-template']
  - target: $.paths.*.get.responses
    copy: $.info
`,
};

function apiloom(value: unknown, text: string): unknown {
  const reporter = new IngestReporter();
  const overlay = parseOverlay(text, "overlay.yaml", reporter);
  expect(reporter.diagnostics.filter((d) => d.severity === "error")).toEqual(
    [],
  );
  return applyOverlays(value, [overlay!], reporter);
}

async function independent(value: unknown, text: string): Promise<unknown> {
  const result = await openapiOverlay(
    structuredClone(value) as Parameters<typeof openapiOverlay>[0],
    {
      overlaySet: load(text) as Parameters<
        typeof openapiOverlay
      >[1]["overlaySet"],
    },
  );
  return result.data;
}

describeCorpus(
  "overlays: apiloom against openapi-format's implementation",
  () => {
    for (const document of DOCUMENTS)
      for (const [name, text] of Object.entries(OVERLAYS))
        it(`${document}: ${name}`, async () => {
          const raw = readFileSync(join(CORPUS_DIR, document), "utf8");
          const value = document.endsWith(".json")
            ? JSON.parse(raw.replace(/^\uFEFF/, ""))
            : load(raw);
          const ours = apiloom(value, text);
          expect(ours).toEqual(await independent(value, text));
        });
  },
);
