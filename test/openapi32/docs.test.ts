import { expect, it } from "vitest";
import { describeOracles } from "../shared-corpus.js";
import * as prettier from "prettier";
import { emitted } from "../emitted.js";
import { loadModel } from "../../src/pipeline.js";
import { openApiJson, schema32 } from "./schema32.js";

/**
 * OpenAPI 3.2 in the docs: tags' parent, kind and summary make the navigation (sub-groups under
 * their parent, a badge tag no group), a deprecated scheme and the device authorization flow
 * are said where the schemes are.
 */
const SPEC = `openapi: 3.2.0
info: { title: Docs, version: "1" }
tags:
  - { name: top, summary: Top level, kind: nav }
  - { name: middle, parent: top }
  - { name: leaf, summary: Leaf level, parent: middle }
  - { name: beta, kind: badge }
  - { name: orphan, parent: nowhere }
  - { name: ping, parent: pong }
  - { name: pong, parent: ping }
paths:
  /a:
    get: { operationId: a, tags: [beta, middle], responses: { "204": { description: ok } } }
  /b:
    get: { operationId: b, tags: [leaf], responses: { "204": { description: ok } } }
  /c:
    get: { operationId: c, tags: [orphan], responses: { "204": { description: ok } } }
  /d:
    get: { operationId: d, tags: [ping], responses: { "204": { description: ok } } }
  /e:
    get: { operationId: e, tags: [pong], security: [{ legacy: [] }], responses: { "204": { description: ok } } }
components:
  securitySchemes:
    legacy: { type: apiKey, in: header, name: X-Key, deprecated: true }
    device:
      type: oauth2
      flows:
        deviceAuthorization:
          deviceAuthorizationUrl: https://auth.example.com/device
          tokenUrl: https://auth.example.com/token
          scopes: {}
`;

const docs = async () => {
  const files = await emitted(
    "docs",
    loadModel([{ file: "d.yaml", text: SPEC }]),
  );
  const text = (path: string) =>
    files.find((f) => f.path === path)!.contents as string;
  return { files, text };
};

describeOracles("OpenAPI 3.2 tags and schemes in the docs", () => {
  it("nests sub-groups under their parent, depth first; a badge is no group; a missing or circular parent leaves a tag at the top", async () => {
    const { text } = await docs();
    const headings = text("docs/index.md")
      .split("\n")
      .filter((l) => /^#{3,6} \[/.test(l));
    expect(headings).toEqual([
      "### [Top level](tags/top.md)",
      "#### [middle](tags/middle.md)",
      "##### [Leaf level](tags/leaf.md)",
      "### [orphan](tags/orphan.md)",
      "### [ping](tags/ping.md)",
      "### [pong](tags/pong.md)",
    ]);
    // `top` has no endpoint of its own: shown for its sub-groups, without a table
    const index = text("docs/index.md");
    expect(index).toContain(
      "### [Top level](tags/top.md)\n\nTag `top`, kind `nav`.\n\n#### [middle]",
    );
    expect(index).not.toContain("tags/beta.md");
    expect(text("docs/tags/middle.md")).toContain(
      "[All endpoints](../index.md) · Under [Top level](top.md) · [Diagnostics](../diagnostics.md)",
    );
    expect(text("docs/tags/middle.md")).toContain(
      "Sub-groups: [Leaf level](leaf.md).",
    );
    // the endpoint tagged beta (a badge) first is under middle
    expect(text("docs/tags/middle.md")).toContain('<a id="op-a"></a>');
  });

  it("says a scheme is deprecated and how to get the device flow's token, in Markdown and HTML", async () => {
    const { text } = await docs();
    const index = text("docs/index.md");
    expect(index).toContain(
      "### `legacy`\n\nAPI key in header X-Key.\n\nDeprecated:",
    );
    expect(index).toContain(
      "Device authorization flow (RFC 8628): the device asks the device authorization endpoint (`https://auth.example.com/device`)",
    );
    expect(index).toContain("The generated client does not run this flow");
    const html = text("docs/index.html");
    expect(html).toContain("<strong>Deprecated.</strong>");
    expect(html).toContain(
      "Device authorization flow (RFC 8628) at <code>https://auth.example.com/device</code>",
    );
    expect(html).toMatch(/<section class="group" style="margin-left:2em">/);
  });

  it("the merged document (tags nested, a deprecated scheme, the device flow) is 3.2 by the official schema", async () => {
    const doc = openApiJson(
      await emitted("openapi", loadModel([{ file: "d.yaml", text: SPEC }])),
    );
    expect(doc.openapi).toBe("3.2.0");
    const validate = schema32();
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it("the Markdown pages stay prettier-clean", async () => {
    const { files } = await docs();
    for (const file of files.filter((f) => f.path.endsWith(".md"))) {
      const contents = file.contents as string;
      expect(
        await prettier.check(contents, { parser: "markdown" }),
        file.path,
      ).toBe(true);
    }
  });
});
