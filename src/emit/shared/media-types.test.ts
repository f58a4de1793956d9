import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Endpoint } from "../../model/types.js";
import {
  acceptHeader,
  isFormMediaType,
  isJsonMediaType,
  sentMediaType,
} from "./media-types.js";

/** acceptHeader as first written, list by list: the oracle of the one-pass one. */
function acceptHeaderLists(endpoint: Endpoint): string | undefined {
  const types = [
    ...new Set(
      endpoint.responses.flatMap((r) => r.content.map((c) => c.mediaType)),
    ),
  ];
  const besideJson = new Set(
    endpoint.responses
      .filter((r) => r.content.some((c) => isJsonMediaType(c.mediaType)))
      .flatMap((r) => r.content.map((c) => c.mediaType)),
  );
  const others = types.filter((t) => !isJsonMediaType(t));
  const all = [
    ...types.filter(isJsonMediaType),
    ...others.filter((t) => !besideJson.has(t)),
    ...others.filter((t) => besideJson.has(t)).map((t) => `${t};q=0.5`),
  ];
  return all.length > 0 ? all.join(", ") : undefined;
}

const mediaType = fc.constantFrom(
  "application/json",
  "application/problem+json",
  "application/vnd.github+json",
  "APPLICATION/JSON; charset=utf-8",
  "application/xml",
  "text/plain",
  "text/event-stream",
  "image/png",
  "*/*",
);

describe("acceptHeader", () => {
  it("is what the list-by-list way wrote, for any responses", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(mediaType, { maxLength: 4 }), { maxLength: 5 }),
        (responses) => {
          const endpoint = {
            responses: responses.map((types) => ({
              content: types.map((mediaType) => ({ mediaType })),
            })),
          } as unknown as Endpoint;
          expect(acceptHeader(endpoint)).toBe(acceptHeaderLists(endpoint));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("puts JSON first and a type offered beside JSON last, at a lower weight", () => {
    const endpoint = {
      responses: [
        {
          content: [
            { mediaType: "application/xml" },
            { mediaType: "application/json" },
          ],
        },
        { content: [{ mediaType: "image/png" }] },
      ],
    } as unknown as Endpoint;
    expect(acceptHeader(endpoint)).toBe(
      "application/json, image/png, application/xml;q=0.5",
    );
  });
});

describe("sentMediaType", () => {
  const sent = (...types: string[]) =>
    sentMediaType(types.map((mediaType) => ({ mediaType })));
  it("is application/json where listed, else the first JSON type, else a form, else the first", () => {
    // Swashbuckle's (ASP.NET Core) list for every request body
    expect(
      sent(
        "application/json-patch+json",
        "application/json",
        "text/json",
        "application/*+json",
      ),
    ).toBe("application/json");
    expect(sent("text/plain", "application/merge-patch+json")).toBe(
      "application/merge-patch+json",
    );
    expect(sent("text/plain", "text/json")).toBe("text/json");
    expect(sent("text/plain", "multipart/form-data")).toBe(
      "multipart/form-data",
    );
    expect(sent("text/plain", "application/octet-stream")).toBe("text/plain");
  });

  it("passes over a form whose schema is a file for the first other type listed", () => {
    const file = { type: "object", format: "file" } as const;
    const content = (...types: string[]) =>
      types.map((mediaType) => ({ mediaType, schema: file }));
    // Azure's ComputerVision: the image as bytes, or as a multipart form naming no field
    expect(
      sentMediaType(content("application/octet-stream", "multipart/form-data")),
    ).toBe("application/octet-stream");
    expect(
      sentMediaType(content("multipart/form-data", "application/octet-stream")),
    ).toBe("application/octet-stream");
    // alone, it is still the form (the caller fills a FormData)
    expect(sentMediaType(content("multipart/form-data"))).toBe(
      "multipart/form-data",
    );
    // a form of fields beside bytes is the form
    expect(
      sentMediaType([
        { mediaType: "application/octet-stream", schema: file },
        { mediaType: "multipart/form-data", schema: { type: "object" } },
      ]),
    ).toBe("multipart/form-data");
  });
});

describe("isFormMediaType", () => {
  it("holds for the two form encodings in any case, with parameters, and nothing else", () => {
    expect(isFormMediaType("application/x-www-form-urlencoded")).toBe(true);
    expect(isFormMediaType("Multipart/Form-Data; boundary=x")).toBe(true);
    expect(isFormMediaType("multipart/mixed")).toBe(false);
    expect(isFormMediaType("application/json")).toBe(false);
  });
});
