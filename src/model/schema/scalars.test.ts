import { describe, expect, it } from "vitest";
import {
  modelScalars,
  revivedScalar,
  revivedTypeName,
  revivesAny,
} from "./scalars.js";
import type { ScalarChoices } from "../scalar-choices.js";
import type { Schema } from "../types.js";

const BOTH: ScalarChoices = { dates: "Date", int64: "bigint" };

describe("revivedScalar", () => {
  it("revives date-time and date strings, int64 integers, null allowed beside them", () => {
    const cases: [Schema, string | undefined][] = [
      [{ type: "string", format: "date-time" }, "date-time"],
      [{ type: "string", format: "date" }, "date"],
      [{ type: ["string", "null"], format: "date-time" }, "date-time"],
      [{ type: "integer", format: "int64" }, "int64"],
      [{ type: ["null", "integer"], format: "int64" }, "int64"],
    ];
    for (const [schema, kind] of cases)
      expect(revivedScalar(schema, BOTH), JSON.stringify(schema)).toBe(kind);
  });

  it("leaves everything else as JSON has it", () => {
    const kept: Schema[] = [
      { type: "string" },
      { type: "string", format: "time" },
      { type: "string", format: "int64" },
      { type: "number", format: "int64" },
      { type: "integer", format: "int32" },
      { type: "integer", format: "uint64" },
      { format: "date-time" }, // no declared type
      { type: ["string", "integer"], format: "date-time" }, // several types
      { type: "string", format: "date-time", enum: ["2020-01-01T00:00:00Z"] },
      { type: "integer", format: "int64", const: 7 },
      { $ref: "#/components/schemas/Timestamp" }, // judged where it leads
      { allOf: [{ type: "string", format: "date-time" }] }, // members judged alone
    ];
    for (const schema of kept)
      expect(revivedScalar(schema, BOTH), JSON.stringify(schema)).toBe(
        undefined,
      );
    expect(revivedScalar(true, BOTH)).toBe(undefined);
    expect(revivedScalar(undefined, BOTH)).toBe(undefined);
  });

  it("asks each choice on its own, and nothing with the defaults", () => {
    const date: Schema = { type: "string", format: "date-time" };
    const int64: Schema = { type: "integer", format: "int64" };
    const datesOnly = modelScalars({ dates: "Date" });
    const int64Only = modelScalars({ int64: "bigint" });
    expect(revivedScalar(date, datesOnly)).toBe("date-time");
    expect(revivedScalar(int64, datesOnly)).toBe(undefined);
    expect(revivedScalar(date, int64Only)).toBe(undefined);
    expect(revivedScalar(int64, int64Only)).toBe("int64");
    const defaults = modelScalars({ dates: "string", int64: "number" });
    expect(defaults).toBe(undefined);
    expect(modelScalars(undefined)).toBe(undefined);
    expect(revivedScalar(date, defaults)).toBe(undefined);
    expect(revivesAny(defaults)).toBe(false);
    expect(revivesAny(int64Only)).toBe(true);
    expect(revivedTypeName("int64")).toBe("bigint");
    expect(revivedTypeName("date")).toBe("Date");
  });
});
