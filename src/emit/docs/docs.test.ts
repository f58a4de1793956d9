import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as prettier from "prettier";
import { ts } from "ts-morph";
import { afterEach, describe, expect, it } from "vitest";
import {
  IMG_TEXT,
  SCRIPT_TEXT,
  SHELL_TEXT,
  hostileModel,
} from "../../../test/docs/hostile-model.js";
import type { GeneratedFile } from "../artifact.js";
import { DEFAULT_TEMPLATES_DIR } from "../templates.js";
import { textMaker } from "../shared/text-parts.js";
import { emitDocs } from "./index.js";
import { markdownInline, markdownProse } from "./templates.js";
import { slugMaker } from "./slugs.js";
import { buildDocsView } from "./view.js";
import docsPlugin from "./plugin.js";
import { pluginContext } from "../../../test/emitted.js";
import { ARTIFACT_PATHS } from "../registry.js";
import {
  markdownTree,
  nodesOf,
  type MdNode,
} from "../../../test/docs/markdown-tree.js";

/** A page's Markdown tree, as remark (prettier's parser) reads it. */
const treeOf = async (text: string) => (await markdownTree(text)).tree;

function textOf(tree: MdNode): string {
  if (tree.type === "text" || tree.type === "inlineCode")
    return tree.value ?? "";
  return (tree.children ?? []).map(textOf).join("");
}

async function files(): Promise<Map<string, string>> {
  const list: GeneratedFile[] = await emitDocs(
    pluginContext(docsPlugin, hostileModel()),
  );
  return new Map(list.map((f) => [f.path, f.contents]));
}

describe("emitDocs", () => {
  it("writes an index, a page per group (first tags) with unique slugs, diagnostics and one HTML page", async () => {
    // "Owners & <Friends>" is only ever a second tag: shown on its endpoint, not a group
    expect([...(await files()).keys()]).toEqual([
      "docs/index.md",
      "docs/tags/pets.md",
      "docs/tags/pets-2.md",
      "docs/tags/untagged.md",
      "docs/diagnostics.md",
      "docs/schemas.md",
      "docs/index.html",
    ]);
  });

  it("does not depend on the order of endpoints in the model", async () => {
    const model = hostileModel();
    const reversed = { ...model, endpoints: [...model.endpoints].reverse() };
    const a = await emitDocs(pluginContext(docsPlugin, model));
    const b = await emitDocs(pluginContext(docsPlugin, reversed));
    expect(b).toEqual(a);
  });

  it("lets no spec text become Markdown markup", async () => {
    for (const [path, text] of await files()) {
      if (!path.endsWith(".md")) continue;
      const tree = await treeOf(text);
      // the only HTML is apiloom's own anchors and line breaks
      for (const html of nodesOf(tree, "html"))
        expect(html.value, path).toMatch(
          /^(<a id="(op|schema)-[A-Za-z0-9-]+">|<\/a>|<br>)$/,
        );
      expect(
        nodesOf(tree, "emphasis").concat(nodesOf(tree, "strong")).map(textOf),
      ).not.toContain("pwned");
    }
    const page = await treeOf((await files()).get("docs/tags/pets.md")!);
    const paragraphs = nodesOf(page, "paragraph").map(textOf);
    expect(paragraphs).toContain(
      `Lists pets. ${SCRIPT_TEXT} ${IMG_TEXT}\n\n| not | a table |\n\`\`\`\nnot a fence\n\`\`\``.split(
        "\n\n",
      )[0],
    );
    expect(paragraphs.join("\n")).toContain(
      "| not | a table |\n```\nnot a fence\n```",
    );
  });

  it("keeps table rows whole when spec text has pipes and newlines", async () => {
    const page = await treeOf((await files()).get("docs/tags/pets.md")!);
    const [params] = nodesOf(page, "table");
    const rows = params!.children!;
    expect(rows.map((r) => r.children!.length)).toEqual([5, 5, 5, 5, 5]);
    expect(textOf(rows[1]!.children![4]!)).toBe("How many | at most per page");
    const index = await treeOf((await files()).get("docs/index.md")!);
    const summary = nodesOf(index, "tableRow").find(
      (r) => textOf(r).includes("/pets") && textOf(r).includes("List"),
    );
    expect(textOf(summary!.children![2]!)).toBe("List | pets with a pipe");
  });

  it("fences examples so the code comes back exactly", async () => {
    const view = buildDocsView(hostileModel(), { paths: ARTIFACT_PATHS });
    const listPets = view.endpoints.find((e) => e.name === "listPets")!;
    const page = await treeOf((await files()).get("docs/tags/pets.md")!);
    const code = nodesOf(page, "code");
    expect(code.map((c) => c.lang)).toEqual(["sh", "ts", "sh", "ts"]);
    expect(code[0]!.value).toBe(listPets.curl);
    expect(code[1]!.value).toBe(`${view.clientSetup}\n${listPets.client}`);
  });

  it("writes curl commands whose spec text stays inside its quotes", () => {
    const view = buildDocsView(hostileModel(), { paths: ARTIFACT_PATHS });
    const listPets = view.endpoints.find((e) => e.name === "listPets")!;
    const createPet = view.endpoints.find((e) => e.name === "createPet")!;
    const run = (command: string) =>
      execFileSync(
        "bash",
        ["-c", `curl() { printf '%s\\n' "$@"; }; TOKEN=t0k; ${command}`],
        { encoding: "utf8" },
      ).split("\n");
    expect(run(listPets.curl)).toEqual([
      // the client's encoding: `'` is %27 (the header below keeps its quote)
      "https://eu.example.com/v1/pets?q%27x=q%27x",
      "-H",
      "Authorization: Bearer t0k",
      "-H",
      `X-Evil: ${SHELL_TEXT}`,
      "",
    ]);
    expect(run(createPet.curl)).toContain(`{"name":"Rex';--"}`);
  });

  it("shows each endpoint as a call of the generated client with its real name and argument shape", () => {
    const view = buildDocsView(hostileModel(), { paths: ARTIFACT_PATHS });
    const byName = new Map(view.endpoints.map((e) => [e.name, e.client]));
    expect(byName.get("getPetOwner")).toBe(
      [
        "const result = await client.getPetOwner({",
        "  path: {",
        '    petId: "petId",',
        '    ownerId: "ownerId",',
        "  },",
        "});",
      ].join("\n"),
    );
    expect(byName.get("deleteRoot")).toBe(
      "const result = await client.deleteRoot();",
    );
    for (const e of view.endpoints) {
      const source = ts.createSourceFile(
        "example.ts",
        `${view.clientSetup}\n${e.client}`,
        ts.ScriptTarget.ES2022,
        true,
      );
      const diagnostics = (source as unknown as { parseDiagnostics: unknown[] })
        .parseDiagnostics;
      expect(diagnostics, e.name).toEqual([]);
    }
    // more double quotes than single ones: prettier's choice is a single-quoted literal
    const call = byName.get("listPets")!;
    const literal = /"X-Evil": (.*),\n/.exec(call)![1]!;
    expect(literal.startsWith("'")).toBe(true);
    expect(new Function(`return ${literal};`)()).toBe(SHELL_TEXT);
  });

  it("escapes spec text in the HTML page and embeds the search index as inert JSON", async () => {
    const html = (await files()).get("docs/index.html")!;
    expect(html).not.toContain(SCRIPT_TEXT);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;window.__pwned = 1&lt;/script&gt;");
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toMatch(/https?:\/\/(?!eu\.example\.com|\{region\})/);
  });

  it("links body and response types to their schema, whose properties are listed", async () => {
    const docs = await files();
    const pets = docs.get("docs/tags/pets.md")!;
    expect(pets).toContain(
      "`application/json`: [`Pet`](../schemas.md#schema-pet)",
    );
    expect(pets).toContain(
      "[`array<Pet Owner>`](../schemas.md#schema-pet-owner)",
    );
    const schemas = await treeOf(docs.get("docs/schemas.md")!);
    expect(nodesOf(schemas, "heading").map(textOf)).toEqual([
      "Schemas",
      "Pet",
      "Pet Owner",
    ]);
    const rows = nodesOf(nodesOf(schemas, "table")[0]!, "tableRow").map((r) =>
      r.children!.map(textOf),
    );
    expect(rows).toEqual([
      ["Property", "Type", "Required", "Description"],
      ["name", "string", "yes", SCRIPT_TEXT],
      ["owner", "Pet Owner", "no", ""],
    ]);
  });

  it("describes each security scheme, its scopes and where an inferred one came from", async () => {
    const index = (await files()).get("docs/index.md")!;
    const auth = index.slice(
      index.indexOf("## Authentication"),
      index.indexOf("## Endpoints"),
    );
    expect(auth).toBe(
      [
        "## Authentication",
        "",
        "### `apiKey`",
        "",
        "API key in header X-Api-Key.",
        "",
        "### `oauth2`",
        "",
        "OAuth 2.0 \\(client credentials\\). Scopes: `pets:read`, `pets:write`.",
        "",
        "Inferred by apiloom (no input declares it) from `specs/a.swagger.yaml:10, specs/b.postman.json:30`.",
        "",
        "Inferred from prose.",
        "",
        "",
      ].join("\n"),
    );
  });

  it("lists diagnostics with where they point", async () => {
    const page = await treeOf((await files()).get("docs/diagnostics.md")!);
    const [kinds, all] = nodesOf(page, "table");
    expect(
      nodesOf(kinds!, "tableRow").map((r) => r.children!.map(textOf)),
    ).toEqual([
      ["Code", "Severity", "Count", "Means"],
      [
        "merge/operation-id-conflict",
        "warning",
        "1",
        "sources give one endpoint different operationIds",
      ],
      [
        "security/scopes-from-prose",
        "info",
        "1",
        'auth was read from descriptions ("Authentication required, with scope …")',
      ],
    ]);
    const rows = nodesOf(all!, "tableRow").slice(1).map(textOf);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain("specs/a.swagger.yaml:10:3");
    expect(rows[0]).toContain("see also specs/b.postman.json:30:1");
    expect(rows[0]).toContain(`"List | pets" vs ${SCRIPT_TEXT}`);
  });
});

describe("user templates", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("replace the page they name, and the others fall back to apiloom's", async () => {
    dir = mkdtempSync(join(tmpdir(), "apiloom-docs-templates-"));
    mkdirSync(join(dir, "docs"));
    const defaults = pathToFileURL(
      join(DEFAULT_TEMPLATES_DIR, "docs/markdown.js"),
    ).href;
    writeFileSync(
      join(dir, "docs/markdown.js"),
      `export * from ${JSON.stringify(defaults)};\n` +
        "export function indexPage(view, h) {\n" +
        "  return `# Our API: ${h.markdownInline(view.title)}\\n`;\n}\n",
    );
    const list = await emitDocs(
      pluginContext(docsPlugin, hostileModel(), { templatesDir: dir }),
    );
    const byPath = new Map(list.map((f) => [f.path, f.contents]));
    expect(byPath.get("docs/index.md")).toBe(
      "# Our API: Hostile \\<script\\>window.\\_\\_pwned = 1\\</script\\>\n",
    );
    const standard = new Map((await files()).entries());
    expect(byPath.get("docs/tags/pets.md")).toBe(
      standard.get("docs/tags/pets.md"),
    );
    expect(byPath.get("docs/index.html")).toBe(standard.get("docs/index.html"));
    // a user's template runs in emit (plain files, its errors its own); apiloom's own make each
    // page when it is written
    const streamed = (path: string) =>
      textMaker(list.find((f) => f.path === path)!) !== undefined;
    expect(streamed("docs/index.md")).toBe(false);
    expect(streamed("docs/tags/pets.md")).toBe(false);
    expect(streamed("docs/index.html")).toBe(true);
  });
});

describe("docs are already formatted as prettier formats them", () => {
  it("for Markdown pages, tables and the TypeScript in their fences", async () => {
    for (const [path, text] of await files())
      if (path.endsWith(".md"))
        expect(text, path).toBe(
          await prettier.format(text, { parser: "markdown" }),
        );
  });
});

describe("markdownProse", () => {
  it("links URLs as written and escapes the text around them", () => {
    expect(
      markdownProse("See https://example.com/a_b_(c)#x_y. Or *not* <b>"),
    ).toBe("See <https://example.com/a_b_(c)#x_y>. Or \\*not\\* \\<b\\>");
    expect(markdownInline("(https://e.com/p|q)")).toBe(
      "\\(<https://e.com/p>\\|q\\)",
    );
  });

  it("ends a URL at a bracket, so a Markdown link in a description does not become one broken link", () => {
    expect(markdownInline("at [http://swagger.io](http://swagger.io) or")).toBe(
      "at \\[<http://swagger.io>\\]\\(<http://swagger.io>\\) or",
    );
    expect(markdownInline("[irc](http://swagger.io/irc/).")).toBe(
      "\\[irc\\]\\(<http://swagger.io/irc/>\\).",
    );
    expect(markdownInline("local http://[::1]:8080/x works")).toBe(
      "local <http://[::1]:8080/x> works",
    );
  });
});

describe("slugMaker", () => {
  it("gives colliding names numbered slugs in the order given", () => {
    expect(
      ["Pets", "pets!", "PETS", "Chat:bot", "???"].map(slugMaker("tag")),
    ).toEqual(["pets", "pets-2", "pets-3", "chat-bot", "tag"]);
  });
});
