import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseGenerateArgs } from "../../src/cli/generate-options.js";
import type { DocsGroupBy } from "../../src/emit/docs/group-by-option.js";
import { emitDocs } from "../../src/emit/docs/index.js";
import {
  followers,
  groupName,
  pathResource,
} from "../../src/emit/docs/groups.js";
import { buildDocsView } from "../../src/emit/docs/view.js";
import { generate } from "../../src/generate.js";
import { createEndpoint } from "../../src/model/factories.js";
import type { ApiModel } from "../../src/model/types.js";
import { validateConfig } from "../../src/workflow/config/validate.js";
import { CORPUS_DIR, CORPUS_FILES, describeCorpus } from "../shared-corpus.js";
import docsPlugin from "../../src/emit/docs/plugin.js";
import { pluginContext } from "../emitted.js";
import { ARTIFACT_PATHS } from "../../src/emit/registry.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));

async function modelOf(texts: Record<string, string>): Promise<ApiModel> {
  const { model } = await generate(
    Object.entries(texts).map(([file, text]) => ({ file, text })),
    { artifacts: [] },
  );
  return model;
}

/** A Swagger 2.0 document: `[method, path, summary, tags]` per operation. */
function swagger(ops: [string, string, string, string[]][]): string {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [method, path, summary, tags] of ops)
    (paths[path] ??= {})[method] = {
      summary,
      tags,
      responses: { 200: { description: "OK" } },
    };
  return JSON.stringify({
    swagger: "2.0",
    info: { title: "t", version: "1" },
    tags: [{ name: "Pets", description: "Everything about pets" }],
    paths,
  });
}

/** Each group's name and its endpoints as `METHOD path`. */
function groups(model: ApiModel, groupBy?: DocsGroupBy) {
  const view = buildDocsView(model, { groupBy, paths: ARTIFACT_PATHS });
  return {
    groupedBy: view.groupedBy,
    groups: view.tags.map((t) => [
      t.name,
      t.endpoints.map((e) => `${e.method} ${e.path}`),
    ]),
    view,
  };
}

// A generator that tags each operation with the words of its summary (the Stride seeds' way)
const SPLIT_WORDS = swagger([
  ["get", "/pets", "List all pets", ["List", "All", "Pets"]],
  ["post", "/pets", "Create a pet", ["Create", "Pet"]],
  ["get", "/pets/{petId}", "Get pet by id", ["Get", "Pet", "By", "Id"]],
  ["delete", "/pets/{petId}", "Delete a pet", ["Delete", "Pet"]],
  ["get", "/pets/{petId}/photos", "List photos of pet", ["List", "Photos"]],
  ["get", "/owners/{ownerId}", "Get owner", ["Get", "Owner"]],
]);

// Real tags: two groups, one endpoint with a second tag
const GOOD_TAGS = swagger([
  ["get", "/pets", "List all pets", ["Pets"]],
  ["post", "/pets", "Create a pet", ["Pets", "Admin"]],
  ["get", "/pets/{petId}", "Info for a pet", ["Pets"]],
  ["get", "/owners", "List owners", ["Owners"]],
  ["get", "/owners/{id}", "One owner", ["Owners"]],
  ["get", "/health", "Liveness", []],
]);

describe("docs groups", () => {
  it("group split-word tags by the path's resource, each endpoint once, and say so", async () => {
    const model = await modelOf({ "s.json": SPLIT_WORDS });
    expect(groups(model).groupedBy).toBe("path");
    expect(groups(model).groups).toEqual([
      ["Owners", ["GET /owners/{ownerId}"]],
      [
        "Pets",
        [
          "GET /pets",
          "POST /pets",
          "GET /pets/{petId}",
          "DELETE /pets/{petId}",
          "GET /pets/{petId}/photos",
        ],
      ],
    ]);
    // the word tags are not shown as "also tagged"
    expect(
      groups(model).view.endpoints.every((e) => e.otherTags.length === 0),
    ).toBe(true);
    const info = model.diagnostics.filter(
      (d) => d.code === "model/degenerate-tags",
    );
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ severity: "info" });
    expect(info[0]!.message).toMatch(/words of their summaries/);
  });

  it("keep real tags: one group per first tag, untagged last, other tags shown on the endpoint", async () => {
    const model = await modelOf({ "s.json": GOOD_TAGS });
    const { groupedBy, groups: list, view } = groups(model);
    expect(groupedBy).toBe("tag");
    expect(list).toEqual([
      ["Pets", ["GET /pets", "POST /pets", "GET /pets/{petId}"]],
      ["Owners", ["GET /owners", "GET /owners/{id}"]],
      ["Untagged", ["GET /health"]],
    ]);
    expect(view.tags[0]!.description).toBe("Everything about pets");
    const create = view.endpoints.find((e) => e.method === "POST")!;
    expect(create.otherTags).toEqual(["Admin"]);
    expect(model.diagnostics.map((d) => d.code)).not.toContain(
      "model/degenerate-tags",
    );
    const files = new Map(
      (await emitDocs(pluginContext(docsPlugin, model))).map((f) => [
        f.path,
        f.contents,
      ]),
    );
    expect([...files.keys()].filter((p) => p.startsWith("docs/tags/"))).toEqual(
      ["docs/tags/pets.md", "docs/tags/owners.md", "docs/tags/untagged.md"],
    );
    expect(files.get("docs/tags/pets.md")).toContain("also tagged: Admin");
    expect(files.get("docs/index.html")).toContain(
      'Also tagged: <span class="tagname">Admin</span>',
    );
  });

  it("follow docs.groupBy over the assessment both ways", async () => {
    const degenerate = await modelOf({ "s.json": SPLIT_WORDS });
    const good = await modelOf({ "s.json": GOOD_TAGS });
    // first tags only: "Pets" is declared but never an endpoint's first tag
    expect(groups(degenerate, "tag").groups.map((g) => g[0])).toEqual([
      "Create",
      "Delete",
      "Get",
      "List",
    ]);
    expect(groups(good, "path").groups.map((g) => g[0])).toEqual([
      "Health",
      "Owners",
      "Pets",
    ]);
  });

  it("treat a group per endpoint as no grouping (more groups than half the endpoints)", async () => {
    const ops: [string, string, string, string[]][] = Array.from(
      { length: 12 },
      (_, i) => [
        "get",
        `/things/t${i}`,
        `Thing number ${i}`,
        [`Area ${i % 7}`],
      ],
    );
    const model = await modelOf({ "s.json": swagger(ops) });
    expect(groups(model).groupedBy).toBe("path");
    expect(groups(model).groups.map((g) => g[0])).toEqual(["Things"]);
    expect(
      model.diagnostics.find((d) => d.code === "model/degenerate-tags")!
        .message,
    ).toMatch(/^7 tags for 12 endpoints/);
  });

  it.each([
    [
      "/site/{cloudId}/conversation/{conversationId}/message/recent",
      "Messages",
    ],
    [
      "/site/{cloudId}/conversation/{conversationId}/message/{messageId}/context",
      "Messages",
    ],
    ["/site/{cloudId}/conversation/{conversationId}/archive", "Conversations"],
    ["/site/{cloudId}/conversation/user/{userId}", "Conversations"],
    ["/site/", "Sites"],
    ["/api/v2/repositories/{owner}/{repo}", "Repositories"],
    ["/api/v2/user-groups", "User groups"],
    ["/api/v2/media/{id}", "Media"],
    ["/api/v2/categories/{id}/chat:bot/{key}", "Chat bots"],
    ["/", "General"],
    ["/pets/mine", "Pets"],
    [
      "/site/{cloudId}/conversation/{id}/app/module/chat:bot/{key}",
      "App modules",
    ],
  ])("name the resource of %s %s", (path, name) => {
    const all = [
      path,
      "/site/{cloudId}/conversation/{conversationId}/message/{messageId}",
      "/api/v2/anything",
      "/app/module/chat/conversation/chat:glance/{key}/state",
    ].map((p) =>
      createEndpoint({
        method: "get",
        path: p,
        source: { file: "f", line: 1, column: 1, pointer: "#" },
      }),
    );
    expect(pathResource(path, followers(all))).toBe(name);
  });

  it("name a path's resource as the definition says, looking at each path of the API once", () => {
    // the definition, read straight: every path of the API looked at again for each question
    const isVariable = (s: string) => s.includes("{");
    const takesIds = (segment: string, paths: string[]) =>
      paths.some((p) =>
        p
          .split("/")
          .some(
            (part, i, parts) =>
              part === segment && isVariable(parts[i + 1] ?? ""),
          ),
      );
    const alwaysFollowedBy = (word: string, next: string, paths: string[]) =>
      paths.every((p) =>
        p
          .split("/")
          .every((part, i, parts) => part !== word || parts[i + 1] === next),
      );
    const segment = fc.constantFrom(
      "api",
      "v2",
      "pets",
      "chat:bot",
      "mine",
      "{id}",
      "{key}",
      "x",
    );
    const path = fc
      .array(segment, { maxLength: 6 })
      .map((s) => "/" + s.join("/"));
    fc.assert(
      fc.property(fc.array(path, { minLength: 1, maxLength: 12 }), (paths) => {
        const all = paths.map((p) =>
          createEndpoint({
            method: "get",
            path: p,
            source: { file: "f", line: 1, column: 1, pointer: "#" },
          }),
        );
        for (const p of paths) {
          const segments = p.split("/").filter((s) => s !== "");
          const runs: string[][] = [[]];
          for (const s of segments)
            if (isVariable(s)) runs.push([]);
            else runs[runs.length - 1]!.push(s);
          const nonEmpty = runs.filter((r) => r.length > 0);
          const name = pathResource(p, followers(all));
          if (nonEmpty.length === 0) {
            expect(name).toBe("General");
            continue;
          }
          let run = nonEmpty[nonEmpty.length - 1]!;
          if (
            !isVariable(segments[segments.length - 1]!) &&
            run.length === 1 &&
            nonEmpty.length > 1 &&
            !takesIds(run[0]!, paths)
          )
            run = nonEmpty[nonEmpty.length - 2]!;
          const at = run.findIndex(
            (s) => !/^(?:api|apis|rest|public|v?\d+(?:\.\d+)*)$/i.test(s),
          );
          const word = run[at] ?? run[run.length - 1]!;
          const next =
            at === -1 || at + 2 >= run.length ? undefined : run[at + 1];
          const expected =
            next !== undefined && alwaysFollowedBy(word, next, paths)
              ? groupName(`${word} ${next}`)
              : groupName(word);
          expect(name).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("come from config docs.groupBy and --group-by, and refuse anything else", () => {
    expect(validateConfig({ docs: { groupBy: "path" } }, "c.json")).toEqual({
      docs: { groupBy: "path" },
    });
    expect(() =>
      validateConfig({ docs: { groupBy: "tags!" } }, "c.json"),
    ).toThrow('c.json.docs.groupBy must be one of "tag", "path", "auto"');
    expect(parseGenerateArgs(["--group-by", "tag"]).options).toEqual({
      docs: { groupBy: "tag" },
    });
    expect(() => parseGenerateArgs(["--group-by", "words"])).toThrow(
      "--group-by expects one of tag, path, auto",
    );
  });
});

describe("config tags", () => {
  it("rename, merge and describe tags before the docs group them", async () => {
    const { model } = await generate([{ file: "s.json", text: GOOD_TAGS }], {
      artifacts: [],
      tags: {
        Owners: "People",
        Admin: "People", // merged into People
        Pets: { description: "Cats and dogs" },
        Nowhere: { description: "no input uses it" },
      },
    });
    expect(model.tags).toEqual([
      { name: "Pets", description: "Cats and dogs" },
    ]);
    const { groups: list, view } = groups(model, "tag");
    expect(list.map((g) => g[0])).toEqual(["Pets", "People", "Untagged"]);
    expect(view.tags[0]!.description).toBe("Cats and dogs");
    const create = view.endpoints.find((e) => e.method === "POST")!;
    expect(create.tags).toEqual(["Pets", "People"]);
  });

  it("are validated in the config", () => {
    expect(() =>
      validateConfig({ tags: { a: { title: "x" } } }, "c.json"),
    ).toThrow('c.json.tags["a"]: unknown option "title"');
    expect(() => validateConfig({ tags: { a: 3 } }, "c.json")).toThrow(
      'c.json.tags["a"] must be an object',
    );
  });
});

describe("the Stride docs", () => {
  it("have at most 10 groups in auto mode, every endpoint listed once in the index and the HTML navigation", async () => {
    const specs = readdirSync(join(REPO, "specs"))
      .sort()
      .map((f) => `specs/${f}`);
    const { model, files } = await generate(specs, {
      cwd: REPO,
      artifacts: ["docs"],
    });
    const view = buildDocsView(model, { paths: ARTIFACT_PATHS });
    expect(view.groupedBy).toBe("path");
    expect(view.tags.length).toBeLessThanOrEqual(10);
    const listed = view.tags.flatMap((t) => t.endpoints.map((e) => e.id));
    expect(listed.sort()).toEqual(view.endpoints.map((e) => e.id).sort());
    expect(
      view.tags
        .find((t) => t.name === "Messages")!
        .endpoints.every((e) => e.path.includes("/message")),
    ).toBe(true);
    const html = files.find((f) => f.path === "docs/index.html")!.contents;
    const nav = html.slice(html.indexOf("<nav"), html.indexOf("</nav>"));
    const items = [...nav.matchAll(/<li data-op="([^"]+)"/g)].map((m) => m[1]);
    expect(items).toHaveLength(49);
    expect(new Set(items).size).toBe(49);
    const index = files.find((f) => f.path === "docs/index.md")!.contents;
    expect(index.match(/\]\(tags\/[a-z-]+\.md#op-/g)).toHaveLength(49);
    // by tag, the first tags alone make the groups (44 distinct tags in all)
    expect(
      buildDocsView(model, { groupBy: "tag", paths: ARTIFACT_PATHS }).tags
        .length,
    ).toBe(19);
  });
});

describeCorpus("the shared corpus in auto mode", () => {
  it.each(CORPUS_FILES)("%s keeps its tags", async (file) => {
    const { model } = await generate([join(CORPUS_DIR, file)], {
      artifacts: [],
      cwd: "/",
    });
    const tagged = model.endpoints.some((e) => e.tags.length > 0);
    expect(buildDocsView(model, { paths: ARTIFACT_PATHS }).groupedBy).toBe(
      "tag",
    );
    if (tagged)
      expect(model.diagnostics.map((d) => d.code)).not.toContain(
        "model/degenerate-tags",
      );
  });
});
