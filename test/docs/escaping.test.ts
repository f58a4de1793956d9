/*
 * Spec text is data in the docs: whatever a field holds, the Markdown pages keep the structure
 * they have for a plain word there (remark, prettier's Markdown parser, is the oracle), the text
 * reads back as written, and index.html holds no character HTML has no place for.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emitDocs } from "../../src/emit/docs/index.js";
import docsPlugin from "../../src/emit/docs/plugin.js";
import { loadModel } from "../../src/pipeline.js";
import { pluginContext } from "../emitted.js";
import { markdownCode } from "../../src/emit/shared/escape.js";
import { markdownTree, nodesOf, type MdNode } from "./markdown-tree.js";

/** An OpenAPI document with `text` in each field the docs print in a different way. */
function spec(text: string): string {
  return JSON.stringify({
    openapi: "3.0.3",
    info: { title: "T", version: text },
    tags: [{ name: text }],
    paths: {
      "/x": {
        get: {
          operationId: "getX",
          tags: [text],
          description: text,
          parameters: [{ name: text, in: "query", schema: { type: "string" } }],
          security: [{ oauth: [text] }],
          responses: { "200": { description: "ok" } },
        },
      },
    },
    components: {
      securitySchemes: {
        oauth: {
          type: "oauth2",
          flows: {
            clientCredentials: {
              tokenUrl: "https://auth.test/token",
              scopes: { [text]: "a scope" },
            },
          },
        },
      },
    },
  });
}

async function docsOf(text: string): Promise<Map<string, string>> {
  const model = loadModel([{ file: "api.json", text: spec(text) }]);
  const files = await emitDocs(pluginContext(docsPlugin, model));
  // a tag's page is named by its text: compared by place, not by name
  return new Map(
    files.map((f, i) => [
      f.path.startsWith("docs/tags/") ? `tag ${i}` : f.path,
      f.contents,
    ]),
  );
}

/**
 * A page's shape: its nodes' types, each table row's cells and each link's target, not text. A
 * description's blank lines make paragraphs (prose keeps its line breaks): a run of plain
 * paragraphs counts as one.
 */
const paragraphs = (shape: string) =>
  shape.replace(
    /(?:paragraph\(text\(\)\),)+paragraph\(text\(\)\)/g,
    "paragraph(text())",
  );

function shape(node: MdNode): string {
  const own =
    node.type === "link" && !node.url!.startsWith("tags/")
      ? `link ${node.url}`
      : node.type;
  return `${own}(${(node.children ?? []).map(shape).join(",")})`;
}

/** The text a reader sees outside code. */
function reads(node: MdNode): string {
  if (node.type === "inlineCode" || node.type === "code") return "";
  return node.value ?? (node.children ?? []).map(reads).join("");
}

/** Markdown's and HTML's special characters, line ends, controls; no letters that make URLs. */
const ALPHABET = [
  "\\",
  "|",
  "`",
  "\r",
  "\n",
  "&",
  "lt;",
  "amp;",
  "<",
  ">",
  "[",
  "]",
  "(",
  ")",
  "*",
  "_",
  "#",
  "-",
  "=",
  "~",
  "!",
  ":",
  " ",
  "\t",
  "1",
  ".",
  "x",
  "\u0000",
  "\u0007",
  "\u007f",
  "\u0085",
];
const texts = fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 10 });

describe("spec text in the docs", () => {
  it("keeps every Markdown page's shape and leaves index.html no control character", async () => {
    const plain = await docsOf("x");
    const plainShapes = new Map<string, string>();
    for (const [path, text] of plain)
      if (!path.endsWith(".html"))
        plainShapes.set(
          path,
          paragraphs(shape((await markdownTree(text)).tree)),
        );
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        fc.pre(text.trim() !== "");
        const docs = await docsOf(text);
        expect([...docs.keys()]).toEqual([...plain.keys()]);
        for (const [path, page] of docs) {
          if (path.endsWith(".html"))
            expect(page).not.toMatch(/[\0-\x08\x0b\x0e-\x1f\x7f-\x9f]/);
          else
            expect(
              paragraphs(shape((await markdownTree(page)).tree)),
              `${path} for ${JSON.stringify(text)}`,
            ).toBe(plainShapes.get(path));
        }
      }),
      {
        numRuns: 60,
        examples: [
          ["a\\|[x](javascript:alert(1))"],
          ["1.0\r# Injected heading"],
          ["key\r> quote"],
          ["\u0000\u0007\u007f\u0085"],
        ],
      },
    );
  });

  it("reads back as written: an entity's text is not the character it names", async () => {
    const text = "&lt;script&gt; &amp;amp;";
    const docs = await docsOf(text);
    const tag = [...docs].find(([path]) => path.startsWith("tag "))![1];
    expect(reads((await markdownTree(tag)).tree)).toContain(text);
  });

  it("never puts a link inside a link (a URL in a tag's name)", async () => {
    const docs = await docsOf("Pets, as https://pets.test/about says");
    let links = 0;
    for (const [path, page] of docs) {
      if (path.endsWith(".html")) continue;
      for (const link of nodesOf((await markdownTree(page)).tree, "link")) {
        links++;
        expect(nodesOf(link, "link"), `${path}: ${link.url}`).toEqual([link]);
      }
    }
    expect(links).toBeGreaterThan(3);
  });

  it("gives an empty text a code span of its own", async () => {
    const { tree } = await markdownTree(
      `a ${markdownCode("")} b ${markdownCode("")} c\n`,
    );
    expect(nodesOf(tree, "inlineCode")).toHaveLength(2);
    expect(reads(tree)).toContain(" b ");
  });
});
