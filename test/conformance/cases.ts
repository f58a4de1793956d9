/*
 * The calls the conformance tests make: one per endpoint of the specs in
 * test/fixtures/conformance/, with values that hold the characters that need escaping somewhere.
 */
export const HOSTILE = "a b+c/d?e#f&g=h%i;j,k.l|mé";

export interface Case {
  endpoint: string;
  args: Record<string, unknown>;
  /** What the handler receives, when it differs from `args` (a file is received as its text). */
  received?: Record<string, unknown>;
  /** The status the echo server answers (200 unless the spec declares none). */
  status?: number;
}

export const OPENAPI_CASES: Case[] = [
  {
    endpoint: "simplePath",
    args: {
      path: {
        ids: [1, 2, 3],
        obj: { R: 100, G: 200, B: 150 },
        objx: { R: 1, G: 2, B: 3 },
      },
    },
  },
  {
    endpoint: "labelPath",
    args: {
      path: { a: [HOSTILE, "x"], b: ["p.q", HOSTILE], o: { R: 1, G: 2, B: 3 } },
    },
  },
  {
    endpoint: "matrixPath",
    args: {
      path: { m: [HOSTILE, "y"], mx: ["1", HOSTILE], mo: { R: 4, G: 5, B: 6 } },
    },
  },
  {
    endpoint: "scalarPath",
    args: { path: { l: 42, m: "a,b", n: -1.5 } },
  },
  {
    endpoint: "queryStyles",
    args: {
      query: {
        csv: [HOSTILE, "two"],
        spaced: [1, 2, 3],
        piped: ["a|b", HOSTILE],
        deep: { R: 1, G: 2, B: 3 },
        spread: { x: HOSTILE, y: 7 },
        filter: { name: HOSTILE, tags: ["t,1", "t 2"] },
        reserved: "a/b:c?d",
      },
    },
  },
  {
    endpoint: "headerStyles",
    args: {
      headers: {
        "X-Color": { R: 100, G: 200, B: 150 },
        "X-Color-Exploded": { R: 1, G: 2, B: 3 },
        "X-List": [1, 2, 3],
      },
    },
  },
  {
    endpoint: "cookieStyles",
    args: {
      cookies: {
        session: HOSTILE,
        prefs: { R: 9, G: 8, B: 7 },
        ids: [4, 5],
      },
    },
  },
  {
    endpoint: "urlEncodedForm",
    args: {
      body: {
        name: HOSTILE,
        deep: { R: 1, G: 2, B: 3 },
        tags: [HOSTILE, "b"],
        meta: { note: HOSTILE },
      },
    },
  },
  {
    endpoint: "multipartUpload",
    args: {
      body: {
        meta: { title: HOSTILE },
        file: new Blob(["file text é"], { type: "text/plain" }),
      },
    },
    received: {
      body: {
        meta: { title: HOSTILE },
        // a string field (`contentMediaType: text/plain`) sent as a file part: its text
        file: "file text é",
      },
    },
  },
  { endpoint: "listItems", args: {} },
  { endpoint: "listItemsSlash", args: {} },
  { endpoint: "escapedSegment", args: {} },
  { endpoint: "problem", args: {}, status: 400 },
  { endpoint: "jsonApiDocument", args: {} },
];

export const SWAGGER_CASES: Case[] = [
  {
    endpoint: "collectionPath",
    args: {
      path: { ssv: ["a", "b"], tsv: ["c", "d"], pipes: ["e,f", "g"] },
      query: {
        csv: [1, 2],
        qtsv: ["h", "i"],
        multi: [HOSTILE, "j"],
        qpipes: ["k", "l m"],
      },
      headers: { "X-Ssv": ["n", "o"] },
    },
  },
  {
    endpoint: "collectionForm",
    args: {
      body: {
        csv: ["a b", "c"],
        ssv: ["d", "e"],
        pipes: ["f", "g,h"],
        multi: [1, 2],
      },
    },
  },
  {
    endpoint: "collectionMultipart",
    args: {
      body: {
        ssv: ["d", "e"],
        pipes: ["f", "g h"],
        multi: [1, 2],
      },
    },
  },
];

/** Objects and arrays inside parameters (nested-items.openapi.yaml), which go as JSON text. */
const ITEMS = [{ a: HOSTILE, n: 1 }, { a: '{[\\",]}', n: 2 }, {}];
/** What a header or cookie can carry: no line breaks, no `;` nor non-ASCII in a cookie. */
const PLAIN_ITEMS = [{ a: "x,y|z", n: 1 }, { a: '{[\\",]}' }];

export const NESTED_CASES: Case[] = [
  { endpoint: "nestedPath", args: { path: { s: ITEMS, l: ITEMS, m: ITEMS } } },
  {
    endpoint: "nestedQuery",
    args: {
      query: {
        f: ITEMS,
        fc: ITEMS,
        p: ITEMS,
        g: [[1, 2], [], [3]],
        c: { name: HOSTILE, inner: ITEMS[0], list: ["a,b", HOSTILE] },
        d: { name: "n", inner: ITEMS[1], list: [HOSTILE] },
        di: ITEMS.slice(0, 2),
        ds: ["c d", "a"],
        // 12 levels: brackets for 8, then JSON text, on both sides
        chain: Array.from({ length: 12 }).reduce<object>(
          (next, _, i) => ({ n: 12 - i, next }),
          { n: 0 },
        ),
      },
    },
  },
  {
    endpoint: "nestedForm",
    args: {
      body: {
        items: ITEMS.slice(0, 2),
        holder: { name: HOSTILE, inner: { a: "[x]", n: 3 }, list: ["p", "q"] },
        expand: [HOSTILE, "b"],
      },
    },
  },
  {
    endpoint: "nestedHeaders",
    args: {
      headers: {
        "X-Items": PLAIN_ITEMS,
        "X-Holder": { name: "h", inner: PLAIN_ITEMS[0], list: ["a,b", "c"] },
      },
    },
  },
  { endpoint: "nestedCookies", args: { cookies: { items: PLAIN_ITEMS } } },
];
