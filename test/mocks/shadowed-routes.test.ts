import { rmSync } from "node:fs";
import { join } from "node:path";
import { setupServer } from "msw/node";
import { afterAll, expect, it } from "vitest";
import { REPO, apiloom } from "../cli/run.js";

/*
 * Held-out mocks hunt (msw + ajv over APIs.guru): S3's `GET /{Bucket}?acl` and 99 more operations
 * in 5 documents were answered by another operation's handler, silently, where the server warns
 * `server/ambiguous-route`. Oracle: msw/node's own matching, through the generated client.
 */
const OUT = join(REPO, "test/mocks/out/shadowed");
const server = setupServer();
afterAll(() => server.close());

it("an operation no request can reach warns at its line, naming the handler that answers it", async () => {
  rmSync(OUT, { recursive: true, force: true });
  const result = apiloom([
    "generate",
    "test/mocks/fixtures/shadowed.yaml",
    "-o",
    OUT,
    "-a",
    "client,mocks",
    "--no-lock",
    // every warning printed, not only those new to this checkout's record of the last run
    "--verbose",
  ]);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toContain(
    "shadowed.yaml:7:5: warning plugin/warning mocks: listObjects matches the same URLs as getBucketAcl, and nothing it requires tells them apart: getBucketAcl's handler answers them",
  );
  const { handlers } = (await import(join(OUT, "mocks/index.ts"))) as {
    handlers: Parameters<typeof server.use>;
  };
  const { createClient } = (await import(join(OUT, "client/index.ts"))) as {
    createClient: (
      options: object,
    ) => Record<string, (args: object) => Promise<{ data?: unknown }>>;
  };
  server.use(...handlers);
  server.listen({ onUnhandledRequest: "error" });
  const client = createClient({ baseUrl: "http://mocks.test" });
  // what the warning says: msw gives the listing to the first handler, the ACL's
  const listing = await client.listObjects!({ path: { Bucket: "b" } });
  expect(listing.data).toEqual({ grants: [] });
});
