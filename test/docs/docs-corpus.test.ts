import { readdirSync } from "node:fs";
import { join, posix } from "node:path";
import * as prettier from "prettier";
import type { Parser } from "prettier";
import * as markdownPlugin from "prettier/plugins/markdown";
import { describe, expect, it } from "vitest";
import { emitDocs } from "../../src/emit/docs/index.js";
import { loadModel } from "../../src/pipeline.js";
import { CORPUS_DIR, CORPUS_FILES } from "../shared-corpus.js";
import docsPlugin from "../../src/emit/docs/plugin.js";
import { pluginContext } from "../emitted.js";

const inputs: [string, string[]][] = [
  [
    "the Stride seeds",
    readdirSync("specs")
      .sort()
      .map((f) => `specs/${f}`),
  ],
  ...CORPUS_FILES.map((file): [string, string[]] => [
    file,
    [join(CORPUS_DIR, file)],
  ]),
];

type MdNode = {
  type: string;
  url?: string;
  value?: string;
  children?: MdNode[];
};

/**
 * Prettier's markdown formatting of `text`, with the nodes of `type` of the tree it parsed: one
 * parse per page serves both the link check and the formatting check. The plugin is prettier's
 * own markdown parser under its own name (a plugin's parser wins over the built-in one), which
 * collects the nodes before the printer sees the tree.
 */
async function formatMarkdown(
  text: string,
  type: string,
): Promise<{ formatted: string; nodes: MdNode[] }> {
  const nodes: MdNode[] = [];
  const walk = (n: MdNode) => {
    if (n.type === type) nodes.push({ ...n });
    n.children?.forEach(walk);
  };
  const builtin = markdownPlugin.parsers.markdown as Parser<MdNode>;
  const formatted = await prettier.format(text, {
    parser: "markdown",
    plugins: [
      {
        parsers: {
          markdown: {
            ...builtin,
            parse: async (t, o) => {
              const ast = await builtin.parse(t, o);
              walk(ast);
              return ast;
            },
          },
        },
      },
    ],
  });
  return { formatted, nodes };
}

describe("docs for real inputs: every endpoint documented, every link lands", () => {
  it.each(inputs)("%s", async (_name, files) => {
    const model = loadModel(files);
    const docs = new Map(
      (await emitDocs(pluginContext(docsPlugin, model))).map((f) => [
        f.path,
        f.contents,
      ]),
    );
    const anchors = new Map<string, Set<string>>();
    for (const [path, text] of docs)
      anchors.set(
        path,
        new Set([...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]!)),
      );

    const linked = new Set<string>();
    const formatted = new Map<string, string>();
    for (const [path, text] of docs) {
      if (!path.endsWith(".md")) continue;
      const page = await formatMarkdown(text, "link");
      formatted.set(path, page.formatted);
      for (const link of page.nodes) {
        if (/^(https?|mailto):/.test(link.url!)) {
          // a URL or e-mail address from spec text, linked as written (no escaping backslashes inside)
          expect(link.url, path).not.toContain("\\");
          continue;
        }
        const [file, hash] = link.url!.split("#");
        const target =
          file === ""
            ? path
            : posix.normalize(posix.join(posix.dirname(path), file!));
        expect(docs.has(target), `${path} links to ${link.url}`).toBe(true);
        if (hash) {
          expect(
            anchors.get(target)!.has(hash),
            `${path} links to ${link.url}`,
          ).toBe(true);
          if (path === "docs/index.md") linked.add(hash);
        }
      }
    }
    for (const [path, text] of formatted)
      expect(docs.get(path), path).toBe(text);
    const html = docs.get("docs/index.html")!;
    for (const e of model.endpoints) {
      expect(linked.has(`op-${e.name}`), `index.md lists ${e.name}`).toBe(true);
      expect(html).toContain(
        `<article class="op${e.deprecated ? " deprecated-op" : ""}" id="op-${e.name}">`,
      );
    }
    // one article per endpoint, and one per webhook (its own section)
    expect(html.match(/<article /g)?.length ?? 0).toBe(
      model.endpoints.length + (model.webhooks?.length ?? 0),
    );
  });
});
