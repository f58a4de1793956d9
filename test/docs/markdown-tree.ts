import * as prettier from "prettier";
import type { Parser } from "prettier";
import * as markdownPlugin from "prettier/plugins/markdown";

/** A node of the Markdown tree prettier's parser (remark) makes. */
export interface MdNode {
  type: string;
  url?: string;
  value?: string;
  lang?: string;
  children?: MdNode[];
}

/**
 * Prettier's Markdown formatting of `text` and the tree it parsed: one parse serves both. The
 * plugin is prettier's own markdown parser under its own name (a plugin's parser wins over the
 * built-in one), which keeps the tree before the printer sees it.
 */
export async function markdownTree(
  text: string,
): Promise<{ formatted: string; tree: MdNode }> {
  let tree: MdNode | undefined;
  const builtin = markdownPlugin.parsers.markdown as Parser<MdNode>;
  const formatted = await prettier.format(text, {
    parser: "markdown",
    plugins: [
      {
        parsers: {
          markdown: {
            ...builtin,
            parse: async (t, o) => (tree = await builtin.parse(t, o)),
          },
        },
      },
    ],
  });
  return { formatted, tree: tree! };
}

/** The nodes of `type` in `tree`, in document order. */
export function nodesOf(tree: MdNode, type: string): MdNode[] {
  const out: MdNode[] = [];
  const walk = (n: MdNode) => {
    if (n.type === type) out.push(n);
    n.children?.forEach(walk);
  };
  walk(tree);
  return out;
}
