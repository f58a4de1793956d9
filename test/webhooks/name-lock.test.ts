import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { apiloom } from "../cli/run.js";
import { compareModels } from "../../src/diff/compare.js";
import { loadModel } from "../../src/pipeline.js";

// Webhook names are in the name lock (apiloom.lock.json), under `POST webhook <key>`: a webhook
// added later whose key makes the same name (`order-paid` beside `order.paid`, sorted before it)
// does not take the name a handler was written under. Without the lock it would: the handler
// written for one webhook would receive the other's payloads.

function spec(keys: string[]): string {
  return `openapi: 3.1.0
info: { title: Shop, version: "1" }
paths:
  /ping:
    get:
      operationId: ping
      responses: { "204": { description: ok } }
webhooks:
${keys
  .map(
    (key) => `  ${key}:
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, properties: { ${key.replace(/\W/g, "_")}: { type: string } } }
      responses: { "204": { description: received } }
`,
  )
  .join("")}`;
}

describe("webhook names in the name lock", () => {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-hook-lock-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const generate = (...lock: string[]) =>
    apiloom(
      [
        "generate",
        "spec.yaml",
        "--out",
        "gen",
        "--no-config",
        ...lock,
        "-a",
        "types,server",
        "--quiet",
      ],
      dir,
    );
  /** The webhook key each handler name of WebhookHandlers is documented for. */
  const handlerKeys = () =>
    [
      ...readFileSync(
        join(dir, "gen/server/webhook-contracts.ts"),
        "utf8",
      ).matchAll(/\/\*\* The webhook "([^"]+)" \(POST\) \*\/\n\s+(\w+):/g),
    ].map((m) => `${m[2]} <- ${m[1]}`);

  it("are written to the lock, and keep a new lookalike webhook from taking a name", () => {
    writeFileSync(join(dir, "spec.yaml"), spec(["order.paid"]));
    expect(generate("--lock", "names.lock.json").code).toBe(0);
    const lock = JSON.parse(readFileSync(join(dir, "names.lock.json"), "utf8"));
    expect(lock.names).toEqual({
      "GET /ping": "ping",
      "POST webhook order.paid": "orderPaid",
    });

    writeFileSync(join(dir, "spec.yaml"), spec(["order-paid", "order.paid"]));
    expect(generate("--lock", "names.lock.json").code).toBe(0);
    expect(handlerKeys()).toEqual([
      "orderPaid2 <- order-paid",
      "orderPaid <- order.paid",
    ]);
    expect(
      JSON.parse(readFileSync(join(dir, "names.lock.json"), "utf8")).names,
    ).toEqual({
      "GET /ping": "ping",
      "POST webhook order-paid": "orderPaid2",
      "POST webhook order.paid": "orderPaid",
    });

    // the same spec without the lock: the newcomer takes the name
    expect(generate("--no-lock").code).toBe(0);
    expect(handlerKeys()).toEqual([
      "orderPaid <- order-paid",
      "orderPaid2 <- order.paid",
    ]);
  });

  it("an entry that is no usable name, or one an endpoint holds, is not used", () => {
    writeFileSync(join(dir, "spec.yaml"), spec(["order.paid"]));
    writeFileSync(
      join(dir, "bad.lock.json"),
      JSON.stringify({
        lockfileVersion: 1,
        names: { "POST webhook order.paid": "ping" },
      }),
    );
    expect(generate("--lock", "bad.lock.json").code).toBe(0);
    expect(handlerKeys()).toEqual(["orderPaid <- order.paid"]);
    writeFileSync(
      join(dir, "bad.lock.json"),
      JSON.stringify({
        lockfileVersion: 1,
        names: { "POST webhook order.paid": "class" },
      }),
    );
    expect(generate("--lock", "bad.lock.json").code).toBe(0);
    expect(handlerKeys()).toEqual(["orderPaid <- order.paid"]);
  });

  it("apiloom diff says when a webhook's handler name changed (no lock)", () => {
    writeFileSync(join(dir, "old.yaml"), spec(["order.paid"]));
    writeFileSync(join(dir, "new.yaml"), spec(["order-paid", "order.paid"]));
    const load = (file: string) => loadModel([file], { cwd: dir });
    const changes = compareModels(load("old.yaml"), load("new.yaml"));
    expect(
      changes.map(
        (c) => `${c.rule} ${c.endpoint} ${c.breaks} ${c.names.handler}`,
      ),
    ).toEqual([
      "operation-renamed POST webhook order.paid servers orderPaid",
      "webhook-added POST webhook order-paid servers orderPaid",
    ]);
    expect(changes[0]!.message).toBe(
      'the handler of the webhook "order.paid" is now orderPaid2, was orderPaid: lock the old name in apiloom.lock.json to keep it',
    );
    // with the lock, no rename
    const locked = (file: string) =>
      loadModel([file], {
        cwd: dir,
        lockedNames: { "POST webhook order.paid": "orderPaid" },
      });
    expect(
      compareModels(locked("old.yaml"), locked("new.yaml")).map((c) => c.rule),
    ).toEqual(["webhook-added"]);
  });
});
