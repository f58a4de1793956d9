import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NamedSchema, Schema } from "../../model/types.js";
import { sampleValue } from "./sample.js";

/**
 * The docs' examples and the mocks' answers are samples: ajv (JSON Schema 2020-12, formats
 * checked) judges that each is a value of its schema, for schemas of the keywords a sample
 * honours (no overlapping `oneOf`; a `pattern` patternSample reads), shaped as real documents
 * write them.
 */

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const FORMATS = [
  "date-time",
  "date",
  "time",
  "byte",
  "hostname",
  "ipv4",
  "ipv6",
  "uuid",
  "email",
  "uri",
];

const string = fc
  .record(
    {
      minLength: fc.integer({ min: 0, max: 40 }),
      maxLength: fc.integer({ min: 0, max: 40 }),
      format: fc.constantFrom(...FORMATS),
    },
    { requiredKeys: [] },
  )
  .map(({ minLength, maxLength, format }): Schema => {
    if (format !== undefined) return { type: "string", format };
    const low = Math.min(minLength ?? 0, maxLength ?? 40);
    return {
      type: "string",
      ...(minLength !== undefined ? { minLength: low } : {}),
      ...(maxLength !== undefined ? { maxLength } : {}),
    };
  });
const number = fc
  .record(
    {
      type: fc.constantFrom("integer" as const, "number" as const),
      minimum: fc.integer({ min: -50, max: 50 }),
      maximum: fc.integer({ min: -50, max: 50 }),
    },
    { requiredKeys: ["type"] },
  )
  .map((s): Schema =>
    s.minimum !== undefined && s.maximum !== undefined
      ? { ...s, maximum: Math.max(s.minimum, s.maximum) }
      : s,
  );
const NAMED: Record<string, NamedSchema> = {
  Resource: {
    name: "Resource",
    sources: [],
    schema: {
      type: "object",
      properties: { id: { type: "string", minLength: 3 } },
      required: ["id"],
    },
  },
};

// nested three deep at most: the sample maker cuts an object deeper than that to `{}` (MAX_DEPTH)
const { schema } = fc.letrec<{ schema: Schema }>((tie) => ({
  schema: fc.oneof(
    { depthSize: "small", withCrossShrink: true, maxDepth: 3 },
    string,
    number,
    fc.constant<Schema>({ type: "boolean" }),
    fc.constant<Schema>({ $ref: "#/components/schemas/Resource" }),
    fc
      .record({
        items: tie("schema"),
        minItems: fc.integer({ min: 0, max: 4 }),
      })
      .map((s): Schema => ({ type: "array", ...s })),
    fc
      .dictionary(
        fc.constantFrom("a", "b", "location", "tags"),
        tie("schema"),
        {
          maxKeys: 3,
        },
      )
      .chain((properties) =>
        fc.subarray(Object.keys(properties)).chain((required) =>
          fc.constantFrom<Schema>(
            { type: "object", properties, required },
            // Azure's resources: the members beside an allOf are the value's too
            {
              allOf: [{ $ref: "#/components/schemas/Resource" }],
              type: "object",
              properties,
              required,
            },
          ),
        ),
      ),
  ),
}));

describe("sampleValue", () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({
    $id: "https://apiloom.invalid/m",
    components: { schemas: { Resource: NAMED.Resource!.schema } },
  });
  const validate = (s: Schema) =>
    ajv.compile(
      JSON.parse(
        JSON.stringify(s).replaceAll(
          '"#/components/',
          '"https://apiloom.invalid/m#/components/',
        ),
      ),
    );

  it("gives a value of its schema, whatever keywords the schema has", () => {
    fc.assert(
      fc.property(schema, (s) => {
        const check = validate(s);
        const value = JSON.parse(JSON.stringify(sampleValue(s, NAMED)));
        expect(check(value) ? [] : check.errors).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("matches a string's pattern, within its length bounds", () => {
    const patterned: Schema = {
      type: "object",
      properties: {
        roleArn: {
          type: "string",
          pattern: "^arn:[^:]*:iam::[^:]*:role/.{1,576}$",
          minLength: 20,
        },
        iban: { type: "string", pattern: "^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$" },
        user: { type: "string", pattern: "^[UW][A-Z0-9]{8,}$|^$" },
        code: { type: "string", pattern: "^[a-z]{3}-\\d+$", maxLength: 8 },
      },
      required: ["roleArn", "iban", "user", "code"],
    };
    const value = sampleValue(patterned, NAMED) as Record<string, string>;
    expect(
      validate({
        ...patterned,
        properties: { ...patterned.properties, roleArn: { type: "string" } },
      })(value),
    ).toBe(true);
    expect(value).toMatchObject({
      iban: "AA00A",
      user: "UAAAAAAAA",
      code: "aaa-0",
    });
    // the pattern's sample is too short for minLength: the length wins, as before
    expect(value.roleArn).toBe("string".padEnd(20, "s"));
  });

  it("holds Azure's and AWS's shapes: members beside an allOf, bounded strings, nested minItems", () => {
    const resource: Schema = {
      allOf: [{ $ref: "#/components/schemas/Resource" }],
      properties: {
        location: { type: "string" },
        currency: { type: "string", minLength: 3, maxLength: 3 },
        roleArn: { type: "string", minLength: 20, maxLength: 2048 },
        etag: { type: "string", format: "byte" },
        keys: {
          type: "object",
          required: ["ids"],
          properties: {
            ids: { type: "array", minItems: 1, items: { type: "integer" } },
          },
        },
      },
      required: ["location", "currency", "roleArn", "etag", "keys"],
    };
    const value = sampleValue(resource, NAMED);
    expect(validate(resource)(value)).toBe(true);
    expect(value).toMatchObject({
      currency: "str",
      location: "string",
    });
  });
});
