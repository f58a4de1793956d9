import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  existsSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { apiloom, REPO } from "../cli/run.js";

// The docs list the webhooks: index.md a table of them, webhooks.md each one's headers, payload
// and answers, index.html the same in its navigation and a section; spec text escaped where it
// lands. A user's Markdown template written before the webhooks page still works (no page).

/** Hostile text in a summary, a key and a description; a header, a payload, answers. */
const SPEC = readFileSync(
  join(import.meta.dirname, "fixtures/docs.yaml"),
  "utf8",
);

describe("the docs' webhooks", () => {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-hook-docs-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "spec.yaml"), SPEC);
  const run = (out: string, ...extra: string[]) =>
    apiloom(
      [
        "generate",
        "spec.yaml",
        "--out",
        out,
        "--no-config",
        "--no-lock",
        "-a",
        "docs",
        "--quiet",
        ...extra,
      ],
      dir,
    );
  const read = (path: string) => readFileSync(join(dir, path), "utf8");

  it("index.md lists them, webhooks.md shows each one's headers, payload and answers", () => {
    expect(run("gen").code).toBe(0);
    const index = read("gen/docs/index.md");
    expect(index).toContain("## Webhooks");
    expect(index).toContain(
      "| [`order\\|paid`](webhooks.md#hook-orderPaid) | POST   | `orderPaid` | Paid \\<script\\>alert\\(1\\)\\</script\\> \\| \\*now\\* |",
    );
    expect(index).toMatch(/\| `stockLow` +\| \(deprecated\) +\|/);
    const page = read("gen/docs/webhooks.md");
    expect(page).not.toContain("<script>");
    expect(page).toContain('<a id="hook-orderPaid"></a>');
    expect(page).toContain("`POST order|paid` · handler: `orderPaid`");
    expect(page).toContain("### Headers");
    expect(page).toMatch(
      /\| `x-shop` \| header \| `string` \| yes +\| the shop \\\| its id \|/,
    );
    expect(page).toContain(
      "### Payload\n\nRequired.\n\n- `application/json`: [`Order`](schemas.md#schema-order)",
    );
    expect(page).toContain("### Answers");
    expect(page).toMatch(/\| `200` +\| a receipt +\| `application\/json`: /);
    expect(page).toMatch(/\| `410` +\| stop sending +\| +\|/);
    expect(page).toContain(
      "`POST stock.low` · handler: `stockLow` · **deprecated**",
    );
    expect(page).toContain(
      "### Payload\n\nOptional.\n\n- `text/plain`: `string`",
    );
  });

  it("index.html has them in its navigation and a section, escaped", () => {
    const html = read("gen/docs/index.html");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain(
      '<li data-op="hook-orderPaid"><a href="#hook-orderPaid" title="POST order|paid"><span class="m m-post">POST</span><span class="p">order|paid</span></a></li>',
    );
    const section = html.slice(html.indexOf('<section id="webhooks">'));
    expect(section).toContain(
      '<p class="summary">Paid &lt;script&gt;alert(1)&lt;/script&gt; | *now*</p>',
    );
    expect(section).toContain("<h4>Headers</h4>");
    expect(section).toContain("<td><code>x-shop</code></td><td>header</td>");
    expect(section).toContain(
      '<h4>Payload (required)</h4>\n<ul><li><code>application/json</code>: <a href="#schema-order"><code>Order</code></a></li></ul>',
    );
    expect(section).toContain("<h4>Answers</h4>");
    expect(section).toContain(
      '<td><code>410</code></td><td class="desc">stop sending</td>',
    );
  });

  it("a Markdown template without webhooksPage still works: no page", () => {
    const templates = join(dir, "templates/docs");
    mkdirSync(templates, { recursive: true });
    writeFileSync(
      join(templates, "markdown.js"),
      readFileSync(join(REPO, "templates/docs/markdown.js"), "utf8")
        .replace("export function webhooksPage", "function webhooksPage")
        .replace(
          /@typedef \{import\("apiloom-gen\/templates"\)\.\w+\} \w+/g,
          "",
        ) + "\nvoid webhooksPage;\n",
    );
    const result = run("own", "--templates", "templates");
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(dir, "own/docs/webhooks.md"))).toBe(false);
    expect(read("own/docs/index.md")).toContain("## Webhooks");
  });
});
