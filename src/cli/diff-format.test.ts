import { describe, expect, it } from "vitest";
import { makeChange } from "../diff/change.js";
import { summarize, summaryLine } from "./diff-format.js";

// Issue 46: the summary said "3 changed" while listing a schema change in 4 functions: a shared
// schema's change is reported once, and the endpoints it reaches are in its `also`.
describe("the diff summary's endpoint count", () => {
  it("counts every endpoint a shared schema's change reaches, each once", () => {
    const schema = makeChange("response-property-removed", {
      endpoint: "GET /events",
      message: "`Event.location` was removed from the 200 response",
      names: { function: "listEvents", type: "Event", member: "location" },
      also: [
        { endpoint: "GET /events/{id}", function: "getEvent" },
        { endpoint: "POST /events", function: "createEvent" },
        { endpoint: "PATCH /events/{id}", function: "updateEvent" },
      ],
    });
    const own = makeChange("operation-removed", {
      endpoint: "DELETE /events/{id}",
      message: "DELETE /events/{id} was removed",
      names: { function: "deleteEvent" },
    });
    const again = makeChange("parameter-removed", {
      endpoint: "POST /events",
      message: "`createEvent`'s query `dryRun` was removed",
      names: { function: "createEvent" },
    });
    const summary = summarize([schema, own, again]);
    expect(summary).toMatchObject({ changed: 4, removed: 1, added: 0 });
    expect(summaryLine(summary)).toMatch(
      /endpoints: 0 added, 1 removed, 4 changed$/,
    );
  });
});
