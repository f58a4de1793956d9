import { readdirSync } from "node:fs";
import { join, posix } from "node:path";
import { describe, expect, it } from "vitest";
import { emitDocs } from "../../src/emit/docs/index.js";
import { loadModel } from "../../src/pipeline.js";
import { CORPUS_DIR, CORPUS_FILES } from "../shared-corpus.js";
import docsPlugin from "../../src/emit/docs/plugin.js";
import { pluginContext } from "../emitted.js";
import { markdownTree, nodesOf } from "./markdown-tree.js";

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
      const page = await markdownTree(text);
      formatted.set(path, page.formatted);
      for (const link of nodesOf(page.tree, "link")) {
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
