import { describe, expect, it } from "vitest";
import { pagination } from "../../src/model/pagination.js";
import { at, endpoint, param } from "../support/model-builders.js";
import type { ApiModel, Schema } from "../../src/model/types.js";

/*
 * The infinite-query rule (docs/client.md, "TanStack Query options"): one query parameter P and one body
 * property next+P of the same kind, or nothing. Each case below is one way to be unsure.
 */
const src = at("pets.yaml", 1);

function pages(
  query: Record<string, Schema>,
  body: Schema,
  { method = "get", schemas = {} } = {} as {
    method?: "get" | "post";
    schemas?: ApiModel["schemas"];
  },
): string | undefined {
  const e = endpoint(method, "/pets", src, {
    query: Object.entries(query).map(([name, schema]) =>
      param(name, "query", src, { schema }),
    ),
    responses: [
      {
        status: "200",
        description: "OK",
        content: [{ mediaType: "application/json", schema: body }],
        sources: [src],
      },
    ],
  });
  const model = { schemas, endpoints: [e] } as unknown as ApiModel;
  const found = pagination(model, e, ["200"]);
  return found && `${found.parameter.name}→${found.field}:${found.kind}`;
}

const object = (properties: Record<string, Schema>): Schema => ({
  type: "object",
  properties,
});
const str: Schema = { type: "string" };
const int: Schema = { type: "integer" };

describe("pagination: infinite options only where it is unambiguous", () => {
  it("pairs P with next+P, ignoring case, _ and -", () => {
    expect(pages({ cursor: str }, object({ nextCursor: str }))).toBe(
      "cursor→nextCursor:string",
    );
    expect(pages({ page_token: str }, object({ NextPageToken: str }))).toBe(
      "page_token→NextPageToken:string",
    );
    expect(pages({ page: int }, object({ "next-page": int }))).toBe(
      "page→next-page:number",
    );
    // a nullable next value is the end of the pages, not a doubt
    expect(
      pages(
        { cursor: str },
        object({ next_cursor: { type: ["string", "null"] } }),
      ),
    ).toBe("cursor→next_cursor:string");
  });

  it("follows $refs to the body and the field", () => {
    const schemas = {
      Page: {
        name: "Page",
        schema: object({ nextCursor: { $ref: "#/components/schemas/C" } }),
        sources: [src],
      },
      C: { name: "C", schema: str, sources: [src] },
    };
    expect(
      pages(
        { cursor: str },
        { $ref: "#/components/schemas/Page" },
        { schemas },
      ),
    ).toBe("cursor→nextCursor:string");
  });

  it("makes none when unsure", () => {
    // two pairs
    expect(
      pages(
        { page: int, offset: int },
        object({ nextPage: int, nextOffset: int }),
      ),
    ).toBeUndefined();
    // kinds differ, an enum, a nullable body, a combined body, a near-miss name, not a GET
    expect(pages({ cursor: str }, object({ nextCursor: int }))).toBeUndefined();
    expect(
      pages(
        { cursor: { type: "string", enum: ["a"] } },
        object({ nextCursor: str }),
      ),
    ).toBeUndefined();
    expect(
      pages(
        { cursor: str },
        {
          type: ["object", "null"],
          properties: { nextCursor: str },
        },
      ),
    ).toBeUndefined();
    expect(
      pages({ cursor: str }, { allOf: [object({ nextCursor: str })] }),
    ).toBeUndefined();
    expect(pages({ cursor: str }, object({ next: str }))).toBeUndefined();
    expect(
      pages({ cursor: str }, object({ nextCursor: str }), { method: "post" }),
    ).toBeUndefined();
  });
});
