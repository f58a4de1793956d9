/*
 * GitHub's list endpoints declare both a `Link` header and `page`/`per_page` (175 of its 208
 * endpoints with a declared Link, @octokit/openapi 23): the server names the next page in the
 * header, built from those parameters, and Octokit's paginate follows the header. Such an
 * endpoint gets its `<name>Pages` function walking the Link, as a Link-only one does, over
 * real HTTP on 127.0.0.1 against a server answering as GitHub does.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { pageShape } from "../../src/model/pagination.js";
import { generateClient, importClient } from "./generate.js";
import { recordingServer } from "./server.js";

const text = `openapi: 3.0.3
info: { title: GitHub excerpt, version: "1" }
paths:
  /repos/{owner}/{repo}/issues:
    get:
      operationId: issues/list-for-repo
      parameters: &params
        - { name: owner, in: path, required: true, schema: { type: string } }
        - { name: repo, in: path, required: true, schema: { type: string } }
        - { name: per_page, in: query, schema: { type: integer, default: 30 } }
        - { name: page, in: query, schema: { type: integer, default: 1 } }
      responses:
        "200":
          description: Response
          headers: { Link: { schema: { type: string } } }
          content:
            application/json:
              schema: { type: array, items: { type: object, properties: { number: { type: integer } } } }
  /repos/{owner}/{repo}/actions/runs:
    get:
      operationId: actions/list-workflow-runs-for-repo
      parameters: *params
      responses:
        "200":
          description: Response
          headers: { Link: { schema: { type: string } } }
          content:
            application/json:
              schema:
                type: object
                properties:
                  total_count: { type: integer }
                  workflow_runs: { type: array, items: { type: object, properties: { id: { type: integer } } } }
`;

type Walk = (
  args: object,
  options?: object,
) => AsyncIterable<Record<string, number>>;

const ALL = [1, 2, 3, 4, 5];
let server: Awaited<ReturnType<typeof recordingServer>>;
let base: string;
let dir: string;
let api: Record<string, Walk>;
let model: Awaited<ReturnType<typeof generate>>["model"];

beforeAll(async () => {
  // GitHub's answer: the page asked for, and a Link to the next one (absent on the last page)
  server = await recordingServer((req, res) => {
    const url = new URL(req.url, base);
    const size = Number(url.searchParams.get("per_page") ?? 30);
    const page = Number(url.searchParams.get("page") ?? 1);
    const items = ALL.slice((page - 1) * size, page * size);
    const next = new URL(url);
    next.searchParams.set("page", String(page + 1));
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
    };
    if (page * size < ALL.length) headers.Link = `<${next.href}>; rel="next"`;
    res.writeHead(200, headers);
    res.end(
      JSON.stringify(
        url.pathname.endsWith("/runs")
          ? {
              total_count: ALL.length,
              workflow_runs: items.map((id) => ({ id })),
            }
          : items.map((number) => ({ number })),
      ),
    );
  });
  base = server.baseUrl;
  const made = await generate([{ file: "github.yaml", text }], {
    artifacts: ["client"],
  });
  model = made.model;
  dir = await generateClient(made.model, "link-pages");
  // the walks are module functions, given the base URL per call (as pages.test.ts does)
  api = await importClient<Record<string, Walk>>(dir);
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const options = () => ({ baseUrl: base, retry: false });

async function collect(walk: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of walk) out.push(item);
  return out;
}

describe("a Link header beside page and per_page (GitHub's list endpoints)", () => {
  it("is walked by the Link header, not by counting pages", () => {
    const shapes = Object.fromEntries(
      model.endpoints.map((e) => [e.name, pageShape(model, e, ["200"])]),
    );
    expect(shapes).toEqual({
      issuesListForRepo: { kind: "link" },
      actionsListWorkflowRunsForRepo: { kind: "link", items: "workflow_runs" },
    });
  });

  it("walks the pages the Link header names", async () => {
    server.received.length = 0;
    const path = { owner: "o", repo: "r" };
    const issues = await collect(
      api.issuesListForRepoPages!({ path, query: { per_page: 2 } }, options()),
    );
    expect(issues).toEqual(ALL.map((number) => ({ number })));
    expect(server.received.map((r) => r.url)).toEqual([
      "/repos/o/r/issues?per_page=2",
      "/repos/o/r/issues?per_page=2&page=2",
      "/repos/o/r/issues?per_page=2&page=3",
    ]);
  });

  it("takes the items from the body's one array", async () => {
    const path = { owner: "o", repo: "r" };
    const runs = await collect(
      api.actionsListWorkflowRunsForRepoPages!(
        { path, query: { per_page: 3 } },
        options(),
      ),
    );
    expect(runs).toEqual(ALL.map((id) => ({ id })));
  });
});
