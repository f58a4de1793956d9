import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEndpoint, emptyParameters } from "../factories.js";
import type { EndpointOffer } from "./rank.js";
import {
  mergedMedia,
  mergedResponse,
  mergeEndpoint,
  mergeParameters,
  mergeResponses,
} from "./merge-endpoint.js";
import { ModelReporter } from "../diagnostics/codes.js";
import type {
  ApiResponse,
  Endpoint,
  MediaContent,
  Parameter,
  ParameterLocation,
  SourceRef,
} from "../types.js";

/**
 * What only one view offers (every endpoint of a single document) is merged as several offers
 * are: the view is left as it was, and the merge keeps none of its lists.
 */

const source = fc
  .record({
    file: fc.constantFrom("a.json", "b.yaml"),
    line: fc.integer({ min: 1, max: 40 }), // 0 is a place still waiting for its line
    column: fc.nat(9),
    pointer: fc.constantFrom("#/a", "#/b/0", "#/c~1d"),
  })
  .map((s): SourceRef => s);
const sources = fc.array(source, { minLength: 0, maxLength: 4 });
const example = fc.record(
  {
    name: fc.constantFrom("x", "y"),
    summary: fc.constantFrom("s", ""),
    value: fc.constantFrom<unknown>(1, "v", { k: [1] }, null),
  },
  { requiredKeys: [] },
);
const schema = fc.constantFrom<Record<string, unknown> | undefined>(
  undefined,
  { type: "string" },
  { type: "object", "x-apiloom-inferred": true },
  { $ref: "#/components/schemas/A" },
);
const media = fc
  .record(
    {
      mediaType: fc.constantFrom("application/json", "text/plain"),
      schema,
      examples: fc.array(example, { maxLength: 4 }),
      encoding: fc.constantFrom(undefined, { file: { contentType: "x/y" } }),
    },
    { requiredKeys: ["mediaType"] },
  )
  .map((m) => m as MediaContent);
const header = fc.record(
  { description: fc.constantFrom("d", ""), required: fc.boolean() },
  { requiredKeys: [] },
);
const response = fc
  .record(
    {
      status: fc.constantFrom("200", "4XX", "default"),
      description: fc.constantFrom("ok", ""),
      content: fc.array(media, { maxLength: 2 }),
      headers: fc.dictionary(fc.constantFrom("X-A", "__proto__", "1"), header, {
        maxKeys: 2,
      }),
      sources,
    },
    { requiredKeys: ["status", "description", "content", "sources"] },
  )
  .map((r) => r as ApiResponse);
const parameter = (where: ParameterLocation) =>
  fc
    .record(
      {
        required: fc.boolean(),
        name: fc.constantFrom("id", "q"),
        in: fc.constant(where),
        schema,
        description: fc.constantFrom("about", ""),
        deprecated: fc.boolean(),
        example: fc.constantFrom<unknown>(3, undefined),
        extensions: fc.constant({ "x-a": 1 }),
        sources,
      },
      { requiredKeys: ["name", "in", "sources"] },
    )
    .map((p) => p as Parameter);

function view(rank: number): EndpointOffer {
  const at = { file: "a.json", line: 1, column: 1, pointer: "#/e" };
  return {
    endpoint: createEndpoint({ method: "get", path: "/a/{id}", source: at }),
    rank,
  };
}

/** JSON, with `__proto__` members and key order as they are. */
const printed = (value: unknown) => JSON.stringify(value);

describe("the merge of what one view offers", () => {
  it("gives a response's media types as the gathering of several offers does", () => {
    // a second offer with no media types makes the merge gather by media type, as for several
    fc.assert(
      fc.property(response, fc.nat(3), (offered, rank) => {
        const v = view(rank);
        const none = { ...offered, content: [] };
        const gathered = mergedResponse(offered.status, [
          { view: v, response: offered },
          { view: view(rank), response: none },
        ]);
        const alone = mergedResponse(offered.status, [
          { view: v, response: offered },
        ]);
        expect(printed(alone.content)).toBe(printed(gathered.content));
      }),
      { numRuns: 500 },
    );
  });

  it("gives a media type as the gathering of several offers does", () => {
    // a second offer of the same media type that says nothing makes the merge weigh offers
    fc.assert(
      fc.property(media, fc.nat(3), source, (offered, rank, at) => {
        const said = { view: view(rank), media: offered, source: at };
        const silent = {
          view: view(rank),
          media: { mediaType: offered.mediaType },
          source: at,
        };
        const alone = mergedMedia(offered.mediaType, [said]);
        expect(printed(alone)).toBe(
          printed(mergedMedia(offered.mediaType, [said, silent])),
        );
        if (offered.examples?.length)
          expect(alone.examples).not.toBe(offered.examples);
      }),
      { numRuns: 500 },
    );
  });

  it("leaves the offer as it was, and keeps none of its lists", () => {
    const offered = fc.sample(response, { numRuns: 1, seed: 7 })[0]!;
    offered.sources = [
      { file: "b.json", line: 2, column: 1, pointer: "#/b" },
      { file: "a.json", line: 9, column: 1, pointer: "#/a" },
    ];
    const before = printed(offered);
    const sole = mergedResponse(offered.status, [
      { view: view(0), response: offered },
    ]);
    expect(printed(offered)).toBe(before);
    expect(sole.sources).not.toBe(offered.sources);
    expect(sole.sources.map((s) => s.file)).toEqual(["a.json", "b.json"]);
    expect(sole.content).not.toBe(offered.content);
  });
});

/** An endpoint as a reader makes one, with what the merge copies, trims, dedupes and checks. */
/** A parameter as a reader makes one: read from at least one place. */
const readParameter = (where: ParameterLocation) =>
  fc
    .tuple(parameter(where), source)
    .map(([p, at]) => ({ ...p, sources: [...p.sources, at] }));

const endpoint = fc
  .record(
    {
      method: fc.constantFrom("get", "post"),
      path: fc.constantFrom("/a/{id}", "/b"),
      name: fc.constant(""),
      operationId: fc.constantFrom("getA", undefined),
      nameCandidates: fc.array(
        fc.record({
          value: fc.constantFrom("getA", "List a"),
          kind: fc.constantFrom("operationId", "requestName"),
          source,
        }),
        { maxLength: 2 },
      ),
      parameters: fc.record({
        path: fc.array(readParameter("path"), { maxLength: 2 }),
        query: fc.array(readParameter("query"), { maxLength: 2 }),
        header: fc.array(
          readParameter("header").map((p) => ({
            ...p,
            name: p.name === "id" ? "X-Id" : "x-id",
          })),
          { maxLength: 2 },
        ),
        cookie: fc.array(readParameter("cookie"), { maxLength: 1 }),
      }),
      requestBody: fc.record(
        {
          required: fc.boolean(),
          description: fc.constantFrom("body", ""),
          content: fc.array(media, { maxLength: 2 }),
          sources,
        },
        { requiredKeys: ["required", "content", "sources"] },
      ),
      bodySignals: fc.array(
        fc.record({
          mediaTypes: fc.constant(["text/plain"]),
          required: fc.boolean(),
          evidence: fc.constant("consumes"),
          source,
        }),
        { maxLength: 2 },
      ),
      responses: fc.array(response, { maxLength: 3 }),
      tags: fc.array(fc.constantFrom("pets", "Pets", "users"), {
        maxLength: 3,
      }),
      summary: fc.constantFrom("  Get a.  ", "", " ", "s"),
      description: fc.constantFrom("d\n", "", "  "),
      security: fc.array(
        fc.dictionary(
          fc.constantFrom("oauth", "key"),
          fc.array(fc.constantFrom("read", "write"), { maxLength: 2 }),
          { maxKeys: 2 },
        ),
        { maxLength: 2 },
      ),
      deprecated: fc.constantFrom(true, false, undefined),
      extensions: fc.dictionary(
        fc.constantFrom("x-a", "__proto__", "x-b"),
        fc.constantFrom<unknown>(1, { k: "v" }),
        { maxKeys: 2 },
      ),
      sources: fc.array(source, { minLength: 1, maxLength: 3 }),
    },
    {
      requiredKeys: [
        "method",
        "path",
        "name",
        "nameCandidates",
        "parameters",
        "responses",
        "tags",
        "extensions",
        "sources",
      ],
    },
  )
  .map((e) => e as Endpoint);

describe("the merge of an endpoint one view offers", () => {
  it("leaves the view as it was", () => {
    fc.assert(
      fc.property(endpoint, fc.nat(3), (offered, rank) => {
        const before = printed(offered);
        mergeEndpoint([{ endpoint: offered, rank }], new ModelReporter());
        expect(printed(offered)).toBe(before);
      }),
      { numRuns: 500 },
    );
  });

  it("shares no list or record of the view", () => {
    const offered = fc.sample(endpoint, { numRuns: 1, seed: 3 })[0]!;
    const at = offered.sources[0]!;
    offered.bodySignals = [
      { mediaTypes: [], required: false, evidence: "consumes", source: at },
    ];
    const sole = mergeEndpoint(
      [{ endpoint: offered, rank: 0 }],
      new ModelReporter(),
    );
    for (const key of [
      "nameCandidates",
      "tags",
      "extensions",
      "sources",
      "responses",
      "bodySignals",
    ] as const)
      expect(sole[key]).not.toBe(offered[key]);
    for (const location of ["path", "query", "header", "cookie"] as const)
      expect(sole.parameters[location]).not.toBe(offered.parameters[location]);
  });
});

describe("the responses and parameters of one view", () => {
  it("are what gathering them with a second view that offers none gives", () => {
    fc.assert(
      fc.property(endpoint, (offered) => {
        const v = { endpoint: offered, rank: 0 };
        const none = { endpoint: { ...offered, responses: [] }, rank: 0 };
        none.endpoint.parameters = emptyParameters();
        expect(printed(mergeResponses([v]))).toBe(
          printed(mergeResponses([v, none])),
        );
        for (const location of ["path", "query", "header", "cookie"] as const) {
          const alone = new ModelReporter();
          const gathered = new ModelReporter();
          expect(printed(mergeParameters([v], location, offered, alone))).toBe(
            printed(mergeParameters([v, none], location, offered, gathered)),
          );
          expect(alone.diagnostics).toEqual(gathered.diagnostics);
        }
      }),
      { numRuns: 500 },
    );
  });
});
