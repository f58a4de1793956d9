import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareModels } from "../../src/diff/compare.js";
import type { Change } from "../../src/diff/change.js";
import { loadModel } from "../../src/pipeline.js";

// apiloom diff compares a webhook's headers and answers, not only its payload: headers are read
// by your receiver (the response rules), answers written by it (the request rules), and what
// either breaks is your receiver (`servers`).

const DIR = join(import.meta.dirname, "fixtures");

function load(file: string) {
  const model = loadModel([file], { cwd: DIR });
  expect(model.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return model;
}

const row = (c: Change) =>
  `${c.rule} ${c.breaks} ${c.names.type ?? ""}.${c.names.member ?? ""}`;

describe("apiloom diff on a webhook's headers and answers", () => {
  const before = load("diff-old.yaml");
  const after = load("diff-new.yaml");

  it("finds each change, breaking the receiver where its code breaks", () => {
    const changes = compareModels(before, after);
    expect(changes.map(row).sort()).toEqual(
      [
        // the answers: a required property the handler must now write, a status it may no longer
        // answer, one it may now
        "required-request-property-added servers OrderPaidWebhookResponses.200.at",
        "request-property-removed servers OrderPaidWebhookResponses.200.note",
        "response-status-added none OrderPaidWebhookResponses.204",
        "response-status-removed servers OrderPaidWebhookResponses.202",
        // the headers: one gone, one optional now, one of another type, one added (names are
        // case-insensitive: X-Shop is x-shop)
        "response-property-became-optional servers OrderPaidWebhookHeaders.x-shop",
        "response-property-removed servers OrderPaidWebhookHeaders.x-trace",
        "response-type-changed servers OrderPaidWebhookHeaders.x-attempt",
        "required-response-property-added none OrderPaidWebhookHeaders.x-region",
      ].sort(),
    );
    for (const c of changes) {
      expect(c.endpoint).toBe("POST webhook order.paid");
      expect(c.names.handler).toBe("orderPaid");
      expect(c.message).toContain('the webhook "order.paid"');
    }
  });

  it("the other way round", () => {
    expect(compareModels(after, before).map(row).sort()).toEqual(
      [
        "optional-request-property-added none OrderPaidWebhookResponses.200.note",
        "optional-response-property-added none OrderPaidWebhookHeaders.x-trace",
        "request-property-removed servers OrderPaidWebhookResponses.200.at",
        "response-property-removed servers OrderPaidWebhookHeaders.x-region",
        "response-status-added none OrderPaidWebhookResponses.202",
        "response-status-removed servers OrderPaidWebhookResponses.204",
        "response-type-changed servers OrderPaidWebhookHeaders.x-attempt",
        // x-shop always sent now breaks nobody: as a response property that became required
      ].sort(),
    );
  });

  it("a version compared with itself has no change", () => {
    expect(compareModels(after, after)).toEqual([]);
  });
});
