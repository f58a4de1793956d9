import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { emitted } from "../emitted.js";
import { outDir, writeFiles } from "./generated.js";
import { rawRequest } from "./raw-socket.js";

/*
 * The Fastify adapter takes the query string as Fastify's router parsed it (fast-querystring,
 * Fastify's default) rather than reading it again, where the two read it alike; it reads the
 * request's text itself otherwise. Each answer here is held to the adapter's own reading: the
 * same app given a query string parser of its own (`routerOptions.querystringParser`), which the
 * adapter never takes. fast-querystring reads some texts otherwise: a bad percent-escape stays
 * as sent (a 400 for the adapter), `%2B` and `%25` decode to what the adapter would decode again,
 * a repeated name is an array, `__proto__` is a name like any other.
 */

const SPEC = `openapi: 3.1.0
info: { title: Queries, version: "1" }
paths:
  /q/{id}:
    get:
      operationId: getQuery
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
        - { name: s, in: query, schema: { type: string } }
        - { name: n, in: query, schema: { type: integer } }
        - { name: e, in: query, schema: { type: string, enum: [open, "a b", "+"] } }
        - { name: b, in: query, schema: { type: boolean } }
        - { name: "a b", in: query, schema: { type: string } }
        - { name: __proto__, in: query, schema: { type: string } }
        - { name: constructor, in: query, schema: { type: string } }
      responses: { "200": { description: ok } }
  /r:
    get:
      operationId: getPlain
      parameters:
        - { name: s, in: query, schema: { type: string } }
        - { name: n, in: query, schema: { type: integer } }
      responses: { "200": { description: ok } }
`;

const echo = ({ path, query }: { path: object; query: object }) => ({
  status: 200,
  body: { path, query: Object.entries(query) },
});
const handlers = { getQuery: echo, getPlain: echo };

let dir: string;
/** The adapter on Fastify's parse (its default parser), and on its own reading. */
let taken: FastifyInstance;
let own: FastifyInstance;

async function start(ownParser: boolean): Promise<FastifyInstance> {
  const { apiRoutes } = await import(
    pathToFileURL(join(dir, "server/fastify.ts")).href
  );
  const app = Fastify(
    ownParser
      ? {
          routerOptions: {
            querystringParser: (text: string) => ({ text }),
          },
        }
      : {},
  );
  await app.register(apiRoutes, { handlers });
  await app.ready();
  return app;
}

beforeAll(async () => {
  dir = outDir("fastify-query");
  writeFileSync(join(dir, "spec.yaml"), SPEC);
  const model = loadModel(["spec.yaml"], { cwd: dir });
  writeFiles(
    dir,
    await emitted("server", model, { server: { adapters: ["fastify"] } }),
  );
  taken = await start(false);
  own = await start(true);
}, 60_000);

afterAll(async () => {
  await Promise.all([taken?.close(), own?.close()]);
});

/** What a client sees of the answer to `GET url`. */
async function seen(app: FastifyInstance, url: string) {
  const response = await app.inject({ method: "GET", url });
  return { status: response.statusCode, body: response.body };
}

const TRICKY = [
  "s=plain&n=12&e=open&b=true",
  "s=a+b&e=a+b&a+b=c+d",
  "s=a%20b&a%20b=%41",
  "s=%2B&e=%2B",
  "s=%252B&n=%31",
  "s=%25",
  "s=%",
  "s=%2",
  "s=%ZZ",
  "s=%FF",
  "s=%C3%A9&n=1",
  "s=%E0%A4%A",
  "s=%ED%A0%80",
  "n=%ZZ",
  "x=%ZZ&s=ok",
  "%ZZ=1&s=ok",
  "s%ZZ=1",
  "%73=key&s=later",
  "s=first&s=second",
  "n=1&n=x",
  "n=x&n=1",
  "__proto__=p&constructor=c",
  "__proto__=1&__proto__=2",
  "toString=1&hasOwnProperty=2&s=x",
  "s&n",
  "s=&n=",
  "=x&s=y",
  "&&s=y&&",
  "s=a=b&e==open",
  "n=01&b=TRUE",
  "n=1e3",
  "s=%00",
  "e=",
  "",
];

describe("the Fastify adapter's query strings", () => {
  it("answers tricky queries as its own reading of them does", async () => {
    for (const query of TRICKY) {
      const url = `/q/x?${query}`;
      expect({ query, ...(await seen(taken, url)) }).toEqual({
        query,
        ...(await seen(own, url)),
      });
    }
  });

  it("answers any query of these pieces as its own reading does", async () => {
    const piece = fc.constantFrom(
      ..."s n e b a+b a%20b __proto__ constructor %73 = & & % %2 %25 %2B %FF %C3%A9 %ZZ + 1 -1 x open true ; [ ] é".split(
        " ",
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 16 }), async (pieces) => {
        const url = `/q/x?${pieces.join("")}`;
        expect(await seen(taken, url)).toEqual(await seen(own, url));
      }),
      { numRuns: 400 },
    );
  });

  it("reads the text itself when Fastify's parser is one of the app's (the option's old place)", async () => {
    const { apiRoutes } = await import(
      pathToFileURL(join(dir, "server/fastify.ts")).href
    );
    // Fastify 5 still takes the option outside `routerOptions`, and its config does not show it
    const app = Fastify({
      querystringParser: () => ({ s: "the parser's", n: "1" }),
    } as object);
    await app.register(apiRoutes, { handlers });
    try {
      for (const query of ["s=sent&n=2", "s=sent", ""])
        expect(await seen(app, `/r?${query}`)).toEqual(
          await seen(own, `/r?${query}`),
        );
    } finally {
      await app.close();
    }
  });

  it("reads the query after the `?` when a `#` comes before it (Fastify's query starts at the `#`)", async () => {
    const urls = [
      await taken.listen({ host: "127.0.0.1", port: 0 }),
      await own.listen({ host: "127.0.0.1", port: 0 }),
    ];
    for (const target of ["/q/x#s=fragment?s=query", "/q/x%23?s=query"]) {
      const [first, second] = await Promise.all(
        urls.map((url) => rawRequest(url, "GET", target)),
      );
      expect([target, first!.status, first!.body]).toEqual([
        target,
        second!.status,
        second!.body,
      ]);
    }
  });
});
