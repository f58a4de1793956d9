import { readdirSync } from "node:fs";
import { join, posix } from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { emitDocs } from "../../src/emit/docs/index.js";
import { loadModel } from "../../src/pipeline.js";
import { CORPUS_DIR, CORPUS_FILES } from "../shared-corpus.js";

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

async function markdownNodes(text: string, type: string): Promise<MdNode[]> {
  const { ast } = await (
    prettier as unknown as {
      __debug: { parse(t: string, o: object): Promise<{ ast: MdNode }> };
    }
  ).__debug.parse(text, { parser: "markdown" });
  const out: MdNode[] = [];
  const walk = (n: MdNode) => {
    if (n.type === type) out.push(n);
    n.children?.forEach(walk);
  };
  walk(ast);
  return out;
}

describe("docs for real inputs: every endpoint documented, every link lands", () => {
  it.each(inputs)("%s", async (_name, files) => {
    const model = loadModel(files);
    const docs = new Map(
      (await emitDocs(model, {})).map((f) => [f.path, f.contents]),
    );
    const anchors = new Map<string, Set<string>>();
    for (const [path, text] of docs)
      anchors.set(
        path,
        new Set([...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]!)),
      );

    const linked = new Set<string>();
    for (const [path, text] of docs) {
      if (!path.endsWith(".md")) continue;
      for (const link of await markdownNodes(text, "link")) {
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
    for (const [path, text] of docs)
      if (path.endsWith(".md"))
        expect(text, path).toBe(
          await prettier.format(text, { parser: "markdown" }),
        );
    const html = docs.get("docs/index.html")!;
    for (const e of model.endpoints) {
      expect(linked.has(`op-${e.name}`), `index.md lists ${e.name}`).toBe(true);
      expect(html).toContain(
        `<article class="op${e.deprecated ? " deprecated-op" : ""}" id="op-${e.name}">`,
      );
    }
    expect(html.match(/<article /g)?.length ?? 0).toBe(model.endpoints.length);
  });
});
