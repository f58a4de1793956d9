/*
 * Where Stoplight Prism 5.14 and apiloom disagree, each with the reason. The conformance test
 * fails on any other rejection, and on an entry that no longer happens (so the list stays short
 * and true). Keys: `<mock|proxy> <spec> <endpoint>`; `crash` means Prism's process died on the
 * request; otherwise the exact violations Prism lists.
 */
export interface Disagreement {
  verdict: "crash" | string[];
  reason: string;
}

const PATH_CRASH =
  "Prism limitation: its path deserializer throws (`value.split is not a function`, " +
  "`startsWith is not a function`) on array and object path parameters in every style, and the " +
  "process exits; scalar label, matrix and simple path values are checked in scalarPath";

const openapi: Record<string, Disagreement> = {
  simplePath: { verdict: "crash", reason: PATH_CRASH },
  labelPath: { verdict: "crash", reason: PATH_CRASH },
  matrixPath: { verdict: "crash", reason: PATH_CRASH },
  queryStyles: {
    verdict: [
      "query.spaced.0: Request query parameter spaced.0 must be integer",
      "query.deep: Request query parameter deep must have required property 'R'",
      "query.deep: Request query parameter deep must have required property 'G'",
      "query.deep: Request query parameter deep must have required property 'B'",
    ],
    reason:
      "Prism limitations: it splits a spaceDelimited array but does not convert its items to the " +
      "item type (it does for form arrays), and it finds no member of a deepObject parameter " +
      "(`deep[R]=1&deep[G]=2&deep[B]=3`, as OpenAPI 3.1 §4.8.12.4 prints it, literal or " +
      "percent-encoded brackets alike); the other five parameters of the call pass",
  },
  urlEncodedForm: {
    verdict: ["body.tags: Reserved characters used in request body"],
    reason:
      "Prism disagrees with the specification: a form field with `style: form, explode: false` " +
      "joins its items with a literal `,` (RFC 6570, OpenAPI 3.1 §4.8.12.4 `color=blue,black,brown`), " +
      "which Prism counts as an unencoded reserved character (items' own commas are sent as %2C)",
  },
  multipartUpload: {
    verdict: ["body.meta: Request body property meta must be object"],
    reason:
      "Prism limitation: it does not parse a multipart part whose Encoding Object says " +
      "`contentType: application/json`, and validates the part's text against the object schema",
  },
};

const swagger: Record<string, Disagreement> = {
  collectionForm: {
    verdict: ["body.csv: Request body property csv must be array"],
    reason:
      "Prism disagrees with Swagger 2.0: a formData array without collectionFormat is csv " +
      "(§Parameter Object: `Default value is csv`), which the client sends as `csv=a%20b,c`; " +
      "Prism only accepts the field repeated",
  },
};

function both(
  spec: string,
  entries: Record<string, Disagreement>,
): [string, Disagreement][] {
  return Object.entries(entries).flatMap(([endpoint, entry]) => [
    [`mock ${spec} ${endpoint}`, entry],
    [`proxy ${spec} ${endpoint}`, entry],
  ]);
}

export const ALLOW_LIST: ReadonlyMap<string, Disagreement> = new Map([
  ...both("styles.openapi.yaml", openapi),
  ...both("styles.swagger.yaml", swagger),
]);
