import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { REPO, apiloom } from "../cli/run.js";
import { recordingServer } from "../client/server.js";

/*
 * A client made with `throwOnError: true` has the type of one without (the call's generic
 * default is no part of it), so the factories took it, and every query, infinite query and
 * mutation then rejected a 200 with "The server answered undefined": the call resolved to the
 * data and the options read it as a result (held-out query hunt, @tanstack/query-core on Apigee's
 * data collectors). Each call now asks for a result. Oracle: QueryClient against a real server.
 */
mkdirSync(join(REPO, "test/query/out"), { recursive: true });
const ROOT = mkdtempSync(join(REPO, "test/query/out/throwing-"));
let server: Awaited<ReturnType<typeof recordingServer>>;

beforeAll(async () => {
  const result = apiloom([
    "generate",
    "test/query/fixtures/apigee-datacollectors.yaml",
    "-o",
    ROOT,
    "-a",
    "query",
    "--no-lock",
  ]);
  expect(result.code, result.stderr).toBe(0);
  writeFileSync(
    join(ROOT, "program.ts"),
    `import { MutationObserver, QueryClient } from "@tanstack/query-core";
import { createClient } from "./client/index.js";
import * as q from "./query/index.js";

export async function run(baseUrl: string): Promise<unknown[]> {
  const client = createClient({ baseUrl, throwOnError: true, retry: false });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const args = { path: { parent: "organizations/o" } };
  const list = q.apigeeOrganizationsDatacollectorsListOptions(client, args);
  const pages = q.apigeeOrganizationsDatacollectorsListInfinite(client, args);
  const create = q.apigeeOrganizationsDatacollectorsCreateMutation(client);
  return Promise.all([
    queryClient.fetchQuery(list),
    queryClient.fetchInfiniteQuery(pages).then((data) => data.pages),
    new MutationObserver(queryClient, create).mutate({ ...args, body: { name: "dc_1" } }),
    queryClient
      .fetchQuery(q.apigeeOrganizationsDatacollectorsListOptions(client, { path: { parent: "gone" } }))
      .catch((error: unknown) => (error instanceof q.ErrorResponse ? error.status : error)),
  ]);
}
`,
  );
  server = await recordingServer((req, res) => {
    res.setHeader("Content-Type", "application/json");
    if (req.method === "POST") return res.end(String(req.body));
    if (req.url.startsWith("/v1/gone/")) res.statusCode = 404;
    res.end('{"dataCollectors":[{"name":"dc_1"}]}');
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(ROOT, { recursive: true, force: true });
});

it("resolves to the data, and rejects an error status, with a client that throws", async () => {
  const { run } = (await import(join(ROOT, "program.ts"))) as {
    run: (baseUrl: string) => Promise<unknown[]>;
  };
  const page = { dataCollectors: [{ name: "dc_1" }] };
  expect(await run(server.baseUrl)).toEqual([
    page,
    [page],
    { name: "dc_1" },
    404,
  ]);
});
