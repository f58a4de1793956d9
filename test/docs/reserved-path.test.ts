import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { emitted } from "../emitted.js";

/*
 * A path parameter that keeps reserved characters (Azure's `x-ms-skip-url-encoding`, OpenAPI
 * 3.2's `allowReserved`) is sent with its `/` (docs/client.md): the docs' parameter tables say so,
 * where they said `path` as for any other, and a reader sent `%2F`.
 */
const AZURE = fileURLToPath(
  new URL("../fixtures/server/azure-role-assignments.yaml", import.meta.url),
);

it("marks a path parameter that keeps reserved characters in the docs' parameter tables", async () => {
  const files = await emitted("docs", loadModel([AZURE]));
  const text = (path: string) => files.find((f) => f.path === path)!.contents;
  const markdown = files
    .filter((f) => f.path.endsWith(".md"))
    .map((f) => f.contents)
    .join("\n");
  const rows = (name: string) =>
    [
      ...markdown.matchAll(
        new RegExp(`^\\| \`${name}\` +\\| ([^|]+?) +\\|`, "gm"),
      ),
    ].map((m) => m[1]);
  // ListForScope, Get (scope); ListForResource (parentResourcePath, resourceType): kept
  expect(new Set(rows("scope"))).toEqual(new Set(["path (keeps /)"]));
  expect(rows("scope")).toHaveLength(2);
  expect(rows("parentResourcePath")).toEqual(["path (keeps /)"]);
  // one without the extension, in the same endpoint as one with it
  expect(rows("roleAssignmentName")).toEqual(["path"]);
  expect(rows("resourceName")).toEqual(["path"]);
  const html = text("docs/index.html");
  expect(html).toContain("<td><code>scope</code></td><td>path (keeps /)</td>");
  expect(html).toContain(
    "<td><code>roleAssignmentName</code></td><td>path</td>",
  );
});
