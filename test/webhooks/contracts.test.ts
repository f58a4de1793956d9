import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateSpec } from "../diff/helpers.js";

// A webhook handler's contract is hashed and checked like an endpoint handler's: the handlers
// file records it in `webhookSignatures`, a changed payload, header or answer warns (in the
// words of apiloom diff) until `generate --accept <name>` or `--accept-changes` takes it.

function spec(payload: string, header: string): string {
  return `openapi: 3.1.0
info: { title: Shop, version: "1" }
paths:
  /ping:
    get:
      operationId: ping
      responses: { "204": { description: ok } }
webhooks:
  order.paid:
    post:
      parameters:
        - { name: x-shop, in: header, required: ${header}, schema: { type: string } }
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [id]
              properties:
${payload}
      responses: { "204": { description: received } }
`;
}

const V1 = spec(
  "                id: { type: string }\n                total: { type: number }",
  "true",
);
/** `total` removed and the header now optional. */
const V2 = spec("                id: { type: string }", "false");

function changed(stderr: string): string[] {
  return [
    ...stderr.matchAll(
      /scaffold\/changed-signature the contract of "(\w+)" \(([^)]*\)?)\) changed since its handler was written(.*)\n/g,
    ),
  ].map((m) => `${m[1]} | ${m[2]} | ${m[3]}`);
}

describe("a webhook handler's changed contract", () => {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-hook-accept-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const generate = (...extra: string[]) =>
    generateSpec(
      dir,
      "types,validators,server,openapi",
      "--server-handlers",
      "handlers.ts",
      "--verbose",
      ...extra,
    );
  const handlers = () => readFileSync(join(dir, "handlers.ts"), "utf8");

  it("warns in words, and --accept replaces only its hash", () => {
    writeFileSync(join(dir, "spec.yaml"), V1);
    const first = generate();
    expect(first.code).toBe(0);
    const written = handlers();
    const was =
      /\n  orderPaid: "([0-9a-f]{10})",\n\} satisfies WebhookSignatures;/.exec(
        written,
      )?.[1];
    expect(was).toBeDefined();
    const contracts = readFileSync(
      join(dir, "gen/server/webhook-contracts.ts"),
      "utf8",
    );
    expect(contracts).toContain(
      `export interface WebhookSignatures {\n  orderPaid: "${was}";\n}`,
    );
    expect(changed(generate("--force").stderr)).toEqual([]);

    writeFileSync(join(dir, "spec.yaml"), V2);
    const second = generate();
    expect(second.code).toBe(0);
    const words = changed(second.stderr);
    expect(words).toHaveLength(1);
    expect(words[0]).toContain('orderPaid | webhook "order.paid" (POST)');
    expect(words[0]).toContain("total");
    expect(words[0]).toContain("x-shop");
    expect(second.stderr).toContain("apiloom generate --accept orderPaid");
    // the words are kept for later runs, as an endpoint handler's are
    const record = JSON.parse(
      readFileSync(join(dir, "gen/server/handler-changes.json"), "utf8"),
    );
    expect(record.orderPaid.was).toBe(was);
    expect(record.orderPaid.changes.join("\n")).toContain("x-shop");
    expect(changed(generate("--force").stderr)).toEqual(words);
    expect(handlers()).toBe(written);
    expect(generate("--check", "--strict").code).toBe(1);

    const accepted = generate("--accept", "orderPaid");
    expect(accepted.code).toBe(0);
    expect(accepted.stderr).toContain(
      "apiloom: accepted the changed contract of orderPaid in handlers.ts",
    );
    const now =
      /\n  orderPaid: "([0-9a-f]{10})",\n\} satisfies WebhookSignatures;/.exec(
        handlers(),
      )![1]!;
    expect(now).not.toBe(was);
    expect(handlers()).toBe(
      written.replace(`orderPaid: "${was}"`, `orderPaid: "${now}"`),
    );
    expect(changed(generate("--force").stderr)).toEqual([]);
    expect(generate("--check", "--strict").code).toBe(0);
  });

  it("is taken by --accept-changes too", () => {
    writeFileSync(join(dir, "spec.yaml"), V1);
    const back = generate();
    expect(changed(back.stderr)).toHaveLength(1);
    expect(generate("--accept-changes").code).toBe(0);
    expect(changed(generate("--force").stderr)).toEqual([]);
  });
});
