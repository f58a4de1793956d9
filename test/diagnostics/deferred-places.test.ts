import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify as stringifyYaml } from "yaml";
import { toJson } from "../../src/cli/inspect.js";
import {
  DeferredPlaces,
  isWaiting,
  settlePlaces,
} from "../../src/model/diagnostics/source-place.js";
import type { ApiModel, SourceRef } from "../../src/model/types.js";
import { parseText } from "../../src/ingest/load.js";
import type { ParsedDocument } from "../../src/ingest/parse/parsed-document.js";
import { loadModel, loadModelForRun, type Inputs } from "../../src/pipeline.js";
import { CORPUS_DIR, CORPUS_FILES } from "../shared-corpus.js";

/**
 * A run that leaves its places unfound (the CLI's, when no file it makes prints a place) must
 * say every diagnostic at the line and column the eager reading gives: compared here on inputs
 * with diagnostics, and, once every place is found, on the whole model.
 */
function compare(inputs: Inputs, cwd?: string): { waited: number } {
  const eager = loadModel(inputs, { cwd });
  const deferred = new DeferredPlaces();
  try {
    const lazy = loadModelForRun(inputs, { cwd, deferPlaces: deferred });
    expect(where(lazy.diagnostics)).toEqual(where(eager.diagnostics));
    for (const d of lazy.diagnostics) {
      expect(d.line).toBeGreaterThan(0);
      for (const r of d.related ?? []) expect(r.line).toBeGreaterThan(0);
    }
    const waited = sources(lazy).filter(isWaiting).length;
    settlePlaces();
    expect(sources(lazy).filter(isWaiting)).toEqual([]);
    expect(JSON.stringify(toJson(lazy))).toBe(JSON.stringify(toJson(eager)));
    expect(JSON.stringify(sources(lazy))).toBe(JSON.stringify(sources(eager)));
    return { waited };
  } finally {
    deferred.release();
  }
}

/** Each diagnostic as `file:line:column code message`, with its related places. */
function where(list: ApiModel["diagnostics"]): string[] {
  return list.map(
    (d) =>
      `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}` +
      (d.related ?? [])
        .map((r) => ` [${r.file}:${r.line}:${r.column}]`)
        .join(""),
  );
}

/** Every source place the model holds, in a fixed order. */
function sources(model: ApiModel): SourceRef[] {
  const out: SourceRef[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") {
      const record = value as Record<string, unknown>;
      if (typeof record.pointer === "string" && "line" in record)
        out.push(record as unknown as SourceRef);
      else for (const key of Object.keys(record)) visit(record[key]);
    }
  };
  visit({ ...model, diagnostics: [] });
  return out;
}

const op = (operationId: string, extra: Record<string, unknown> = {}) => ({
  operationId,
  responses: { "200": { description: "ok" } },
  ...extra,
});

/** The parts of two JSON documents that disagree, each on one thing whose message names a line. */
const CONFLICTS: Record<string, (n: number) => Record<string, unknown>> = {
  "merge/schema-conflict": (n) => ({
    components: { schemas: { Thing: { type: n === 1 ? "string" : "number" } } },
  }),
  "merge/security-scheme-conflict": (n) => ({
    components: {
      securitySchemes: {
        key: { type: "apiKey", in: "header", name: `X-Key-${n}` },
      },
    },
  }),
  "merge/operation-id-conflict": (n) => ({
    paths: { "/a": { get: op(`getA${n}`) } },
  }),
  "naming/name-taken": (n) => ({
    paths: { [`/c${n}`]: { get: op("taken") } },
  }),
  "merge/parameter-type-conflict": (n) => ({
    paths: {
      "/a/{id}": {
        get: op("getA", {
          parameters: [
            {
              name: "id",
              in: "path",
              required: true,
              schema: { type: n === 1 ? "string" : "integer" },
            },
          ],
        }),
      },
    },
  }),
};

function conflicting(code: string): { file: string; text: string }[] {
  const doc = (n: number) => ({
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: {},
    ...CONFLICTS[code]!(n),
  });
  // the same file twice would be one input: a path each, placed at different lines
  return [1, 2].map((n) => ({
    file: `doc${n}.json`,
    text: "\n".repeat(n * 3) + JSON.stringify(doc(n), null, 2),
  }));
}

describe("places found when first needed, against places found when the reading ends", () => {
  it("the Stride seeds (JSON and YAML, merged, with warnings)", () => {
    compare(
      [
        "stride-full.postman.json",
        "stride-subset.postman.json",
        "stride-messaging.swagger.yaml",
        "stride-conversations.swagger.yaml",
        "stride-messages.swagger.yaml",
      ].map((f) => join("specs", f)),
    );
  });

  for (const code of Object.keys(CONFLICTS))
    it(`two JSON documents in conflict: ${code}, whose message names a line`, () => {
      const inputs = conflicting(code);
      const eager = loadModel(inputs);
      expect(eager.diagnostics.map((d) => d.code)).toContain(code);
      compare(inputs);
    });

  it("a JSON document with duplicate keys and a warning deep in it", () => {
    const text = `{"openapi":"3.0.3","info":{"title":"t","version":"1","title":"u"},
      "paths":{"/x":{"get":{"operationId":7,"responses":{"200":{"description":"ok"}}}}}}`;
    compare([{ file: "dup.json", text }]);
  });

  it.runIf(CORPUS_FILES.length > 0)(
    "every document of the shared corpus",
    { timeout: 120_000 },
    () => {
      let waited = 0;
      for (const file of CORPUS_FILES)
        waited += compare([file], CORPUS_DIR).waited;
      // places did wait until the end: the comparison is of the deferred reading
      expect(waited).toBeGreaterThan(100);
    },
  );
});

describe("a parser of the user's (IngestOptions.parse) that gives only value and locate", () => {
  it("has its places found, deferred or not, where apiloom's own parser finds them", () => {
    const doc = {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: { "/b/{id}": { get: op("getB", { servers: [{}] }) } },
    };
    const inputs = [{ file: "own.json", text: JSON.stringify(doc, null, 2) }];
    const parse = (text: string, file: string): ParsedDocument[] =>
      parseText(text, file).map((p) => ({
        value: p.value,
        locate: (path) => p.locate(path),
      }));
    const deferred = new DeferredPlaces();
    try {
      const expected = where(loadModel(inputs).diagnostics);
      expect(expected.length).toBeGreaterThan(1);
      expect(where(loadModel(inputs, { parse }).diagnostics)).toEqual(expected);
      const lazy = loadModelForRun(inputs, { deferPlaces: deferred, parse });
      expect(where(lazy.diagnostics)).toEqual(expected);
    } finally {
      deferred.release();
    }
  });
});

describe("the reading's and the build's waiting places", () => {
  it("are found in one walk of their document, at the eager reading's lines", () => {
    // a warning the reader gives (an operation's servers) and one the build gives (a path
    // parameter no source declares), each at a place deep in the text
    const doc = {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: {
        "/a/{id}": {
          get: op("getA", { servers: [{ description: "no url" }] }),
        },
      },
    };
    const inputs = [{ file: "one.json", text: JSON.stringify(doc, null, 2) }];
    let walks = 0;
    const parse = (text: string, file: string) =>
      parseText(text, file).map((parsed) => {
        const finder = parsed.placeFinder?.bind(parsed);
        return Object.assign(Object.create(parsed) as ParsedDocument, {
          placeFinder:
            finder &&
            (() => {
              const find = finder();
              return (paths: Parameters<typeof find>[0]) => {
                walks++;
                return find(paths);
              };
            }),
        });
      });
    const deferred = new DeferredPlaces();
    try {
      const lazy = loadModelForRun(inputs, { deferPlaces: deferred, parse });
      const codes = lazy.diagnostics.map((d) => d.code);
      expect(codes).toContain("openapi3/invalid-server");
      expect(codes).toContain("model/undeclared-path-parameter");
      expect(walks).toBe(1);
      expect(where(lazy.diagnostics)).toEqual(
        where(loadModel(inputs).diagnostics),
      );
    } finally {
      deferred.release();
    }
  });
});

// an endpoint, a warning the reader gives (the operation's servers) and a schema deep in the
// text, whose place nothing prints
const AGAIN = {
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  paths: {
    "/a": { get: op("getA", { servers: [{ description: "no url" }] }) },
  },
  components: {
    schemas: {
      Thing: { type: "object", properties: { n: { type: "integer" } } },
    },
  },
};

describe.each([
  ["again.json", (value: unknown) => JSON.stringify(value, null, 2)],
  ["again.yaml", (value: unknown) => stringifyYaml(value)],
])(
  "a reading that can make its texts again (the CLI's, from the files' bytes): %s",
  (file, write) => {
    const text = write(AGAIN);
    const inputs = [{ file, text }];

    /** A reading of `inputs` whose first walks and texts made again are counted. */
    function reading() {
      const counts = { firstWalks: 0, madeAgain: 0 };
      const parse = (t: string, file: string) =>
        parseText(t, file).map((parsed) => {
          const finder = parsed.placeFinder?.bind(parsed);
          return Object.assign(Object.create(parsed) as ParsedDocument, {
            placeFinder:
              finder &&
              ((again?: () => string) => {
                if (again) return finder(again);
                const find = finder();
                return (paths: Parameters<typeof find>[0]) => {
                  counts.firstWalks++;
                  return find(paths);
                };
              }),
          });
        });
      const deferred = new DeferredPlaces((d) =>
        d.endpoints.flatMap((e) => e.sources),
      );
      deferred.keepText(resolve(file), () => {
        counts.madeAgain++;
        return text;
      });
      return { counts, deferred, parse };
    }

    it("finds the printed places and the diagnostics' in the text read, then lets it go", () => {
      const { counts, deferred, parse } = reading();
      try {
        const lazy = loadModelForRun(inputs, { deferPlaces: deferred, parse });
        const eager = loadModel(inputs);
        expect(lazy.diagnostics.map((d) => d.code)).toContain(
          "openapi3/invalid-server",
        );
        expect(where(lazy.diagnostics)).toEqual(where(eager.diagnostics));
        expect(lazy.endpoints[0]!.sources.some(isWaiting)).toBe(false);
        expect(lazy.endpoints[0]!.sources).toEqual(eager.endpoints[0]!.sources);
        expect(counts).toEqual({ firstWalks: 1, madeAgain: 0 });
        // the schema's place waited, and is found in the text made again, once
        const waiting = lazy.schemas.Thing!.sources;
        expect(waiting.every(isWaiting)).toBe(true);
        settlePlaces();
        settlePlaces();
        expect(counts).toEqual({ firstWalks: 1, madeAgain: 1 });
        expect(waiting).toEqual(eager.schemas.Thing!.sources);
        expect(JSON.stringify(sources(lazy))).toBe(
          JSON.stringify(sources(eager)),
        );
      } finally {
        deferred.release();
      }
    });

    it("finds the build's diagnostics' places in the text read too, printing none", () => {
      // a path parameter no source declares: a diagnostic of the build, not of the reading
      const doc = {
        openapi: "3.0.3",
        info: { title: "t", version: "1" },
        paths: { "/b/{id}": { get: op("getB") } },
      };
      const built = [{ file, text: write(doc) }];
      let madeAgain = 0;
      const deferred = new DeferredPlaces();
      deferred.keepText(resolve(file), () => {
        madeAgain++;
        return built[0]!.text;
      });
      try {
        const lazy = loadModelForRun(built, { deferPlaces: deferred });
        expect(lazy.diagnostics.map((d) => d.code)).toContain(
          "model/undeclared-path-parameter",
        );
        expect(where(lazy.diagnostics)).toEqual(
          where(loadModel(built).diagnostics),
        );
        expect(madeAgain).toBe(0);
        // the endpoint's place, which nothing printed, is found in the text made again
        settlePlaces();
        expect(madeAgain).toBe(1);
        expect(JSON.stringify(sources(lazy))).toBe(
          JSON.stringify(sources(loadModel(built))),
        );
      } finally {
        deferred.release();
      }
    });

    it("never makes a text again when nothing asks for its places", () => {
      const { counts, deferred, parse } = reading();
      try {
        loadModelForRun(inputs, { deferPlaces: deferred, parse });
      } finally {
        deferred.release();
      }
      settlePlaces();
      expect(counts.madeAgain).toBe(0);
    });
  },
);
