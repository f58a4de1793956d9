import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "js-yaml";
import { afterAll, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import type { ApiModel, Endpoint } from "../../src/model/types.js";
import { CORPUS_DIR, describeCorpus } from "../shared-corpus.js";

/**
 * Every action kind (update: merge into an object and append to a list; remove; copy) through
 * the real reading of a Swagger 2.0 document, an OpenAPI 3.1 document and a Postman collection
 * of the shared corpus: what the model holds afterwards, where each added fact says it came
 * from (the overlay's line), and the warning of an action that matches nothing.
 */
const dir = mkdtempSync(join(tmpdir(), "apiloom-overlay-corpus-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(input: string, overlay: string): ApiModel {
  writeFileSync(join(dir, "fix.overlay.yaml"), overlay);
  return loadModel([join(CORPUS_DIR, input)], {
    cwd: dir,
    overlays: [{ file: "fix.overlay.yaml" }],
  });
}

/** The 1-based line of the overlay text holding `needle`. */
function lineOf(overlay: string, needle: string): number {
  const index = overlay.split("\n").findIndex((l) => l.includes(needle));
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}

const endpoint = (model: ApiModel, method: string, path: string) =>
  model.endpoints.find((e) => e.method === method && e.path === path);

const overlaySources = (e: Endpoint | undefined) =>
  (e?.sources ?? [])
    .filter((s) => s.file === "fix.overlay.yaml")
    .map((s) => s.line);

describeCorpus("overlays over the shared corpus, through the reading", () => {
  it("Swagger 2.0 (swagger2/petstore.json): update, append, remove, copy, no match", () => {
    const overlay = `overlay: 1.1.0
info: { title: Petstore fixes, version: "1" }
actions:
  - target: $.paths['/store/inventory'].get
    update:
      summary: Stock by status, as the overlay says
  - target: $.paths['/user/login'].get.parameters
    update: { name: otp, in: query, type: string, required: true }
  - target: $.paths['/user/logout']
    remove: true
  - target: $.paths
    update:
      /pets/search: {}
  - target: $.paths['/pets/search']
    copy: $.paths['/pet/findByStatus']
  - target: $.paths['/pets/{petId}/vaccinations']
    update: { get: { responses: { "200": { description: OK } } } }
`;
    const before = loadModel([join(CORPUS_DIR, "swagger2/petstore.json")]);
    const model = run("swagger2/petstore.json", overlay);
    expect(endpoint(model, "get", "/store/inventory")?.summary).toBe(
      "Stock by status, as the overlay says",
    );
    const login = endpoint(model, "get", "/user/login")!;
    expect(login.parameters.query.map((p) => p.name)).toContain("otp");
    expect(login.parameters.query.find((p) => p.name === "otp")?.required).toBe(
      true,
    );
    expect(endpoint(before, "get", "/user/logout")).toBeDefined();
    expect(endpoint(model, "get", "/user/logout")).toBeUndefined();
    // the copied operation: a fact the overlay added, at the copy action's line
    const copied = endpoint(model, "get", "/pets/search");
    expect(copied?.parameters.query.map((p) => p.name)).toEqual(
      endpoint(before, "get", "/pet/findByStatus")?.parameters.query.map(
        (p) => p.name,
      ),
    );
    expect(overlaySources(copied)).toEqual([
      lineOf(overlay, "copy: $.paths['/pet/findByStatus']"),
    ]);
    // untouched facts keep the original's place
    const kept = endpoint(model, "get", "/pet/findByStatus")!.sources;
    expect(kept.map((s) => s.file.endsWith("swagger2/petstore.json"))).toEqual([
      true,
    ]);
    expect(kept).toEqual(
      endpoint(before, "get", "/pet/findByStatus")!.sources.map((s) => ({
        ...s,
        file: kept[0]!.file,
      })),
    );
    expect(model.endpoints.length).toBe(before.endpoints.length);
    const noMatch = model.diagnostics.filter(
      (d) => d.code === "overlay/no-match",
    );
    expect(noMatch).toEqual([
      expect.objectContaining({
        severity: "warning",
        file: "fix.overlay.yaml",
        line: lineOf(overlay, "/pets/{petId}/vaccinations"),
        column: 5,
      }),
    ]);
  });

  it("OpenAPI 3.1 (oas31/redocly-museum.yaml): a new operation's source and its diagnostics point into the overlay", () => {
    const overlay = `overlay: 1.1.0
info: { title: Museum fixes, version: "1" }
actions:
  - target: $.info
    update: { description: "Opening hours, events and tickets." }
  - target: $.paths['/tickets/{ticketId}/qr']
    remove: true
  - target: $.paths['/museum-hours']
    update:
      put:
        operationId: setMuseumHours
        requestBody:
          content:
            application/json:
              schema: { type: object, properties: { open: { type: string } } }
        responses:
          "204": { description: Saved }
  - target: $.paths['/special-events/{eventId}'].get.responses
    copy: $.paths['/museum-hours'].get.responses
`;
    const before = loadModel([join(CORPUS_DIR, "oas31/redocly-museum.yaml")]);
    const model = run("oas31/redocly-museum.yaml", overlay);
    expect(model.info.description).toBe("Opening hours, events and tickets.");
    expect(endpoint(model, "get", "/tickets/{ticketId}/qr")).toBeUndefined();
    const put = endpoint(model, "put", "/museum-hours")!;
    expect(put.name).toBe("setMuseumHours");
    expect(put.requestBody?.content[0]?.mediaType).toBe("application/json");
    expect(overlaySources(put)).toEqual([lineOf(overlay, "      put:")]);
    // responses copied over the event's own: the statuses are the union
    const event = endpoint(model, "get", "/special-events/{eventId}")!;
    const statuses = (e: Endpoint | undefined) =>
      (e?.responses ?? []).map((r) => r.status).sort();
    expect(statuses(event)).toEqual(
      [
        ...new Set([
          ...statuses(endpoint(before, "get", "/special-events/{eventId}")),
          ...statuses(endpoint(before, "get", "/museum-hours")),
        ]),
      ].sort(),
    );
    expect(model.endpoints.length).toBe(before.endpoints.length);
    expect(
      model.diagnostics.filter((d) => d.code.startsWith("overlay/")),
    ).toEqual([]);
  });

  it("Postman (postman/httpbin.v20.json): JSONPath reaches the collection's items", () => {
    const overlay = `overlay: 1.1.0
info: { title: httpbin fixes, version: "1" }
actions:
  - target: $.item
    update:
      name: Status of a delay
      request:
        method: GET
        url: httpbin.org/delay/:seconds
  - target: $.item[?@.name == 'POST with URL params and urlencoded']
    remove: true
  - target: $.item[?@.name == 'PathVariables'].request
    update: { description: Answers with the status it is given }
  - target: $.item[?@.name == 'All POST JSON '].item
    copy: $.item[?@.name == 'PathVariables']
  - target: $.item[?@.name == 'No such request']
    remove: true
`;
    const before = loadModel([join(CORPUS_DIR, "postman/httpbin.v20.json")]);
    const model = run("postman/httpbin.v20.json", overlay);
    const delay = endpoint(model, "get", "/delay/{seconds}");
    expect(delay).toBeDefined();
    expect(overlaySources(delay)).toEqual([lineOf(overlay, "update:")]);
    const status = endpoint(model, "get", "/status/{code}")!;
    expect(status.description).toBe("Answers with the status it is given");
    // the copy of the request is a second source of the same endpoint, in the overlay
    expect(overlaySources(status)).toEqual([
      lineOf(overlay, "copy: $.item[?@.name == 'PathVariables']"),
    ]);
    expect(status.sources).toHaveLength(2);
    expect(model.endpoints.length).toBe(before.endpoints.length + 1);
    // the removed request was one of three on POST /post
    expect(endpoint(before, "post", "/post")?.sources).toHaveLength(3);
    expect(endpoint(model, "post", "/post")?.sources).toHaveLength(2);
    expect(
      model.diagnostics.filter((d) => d.code === "overlay/no-match"),
    ).toEqual([
      expect.objectContaining({
        file: "fix.overlay.yaml",
        line: lineOf(overlay, "No such request"),
      }),
    ]);
  });

  it("an overlay that breaks the Overlay schema is an error at its line, and changes nothing", () => {
    const overlay = `overlay: 1.1.0
info: { title: Broken, version: "1" }
actions:
  - target: $.info
    update: { title: Changed }
  - target: paths
    remove: yes
`;
    const model = run("swagger2/petstore.json", overlay);
    const errors = model.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.code, d.line])).toEqual([
      ["overlay/invalid", lineOf(overlay, "target: paths")],
      ["overlay/invalid", lineOf(overlay, "remove: yes")],
    ]);
    const original = load(
      readFileSync(join(CORPUS_DIR, "swagger2/petstore.json"), "utf8"),
    ) as { info: { title: string } };
    expect(model.info.title).toBe(original.info.title);
  });
});
