import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { emitted } from "../emitted.js";
import {
  SERVED as SERVED_API,
  emitEveryAdapter,
  startEvery,
  startWebhookListener,
  type StartedServer,
} from "./adapter-servers.js";
import { typeCheck, writeFiles } from "./generated.js";

/*
 * Dates and big integers (`dates: "Date"`, `int64: "bigint"`) revived by the plan of the media
 * type the body arrived as (test/fixtures/server/body-scalars.yaml): the server checks a body by
 * its own media type's schema and types the handler's body by each (body-schemas.test.ts), but
 * revived every body by the sent media type's plan (application/json's). A merge patch whose
 * free-text `when` ("tomorrow", which its schema admits) then got a 400 (no date), a valid
 * date-time text in it became a Date where its type says string, and its own date-time member
 * (`seen`) stayed a string where its type says Date; a form's date reached the handler as text.
 * Every way of serving the API over real HTTP on 127.0.0.1, then tsc on what the handler is typed.
 * An answer likewise: by its status's first JSON media type's plan, whatever type it named, a
 * HAL answer's `day` (a date) went out as a date-time, and the client refused its free-text `when`.
 */
const REPO = resolve(import.meta.dirname, "../..");
const SPEC = "test/fixtures/server/body-scalars.yaml";
const MERGE_PATCH = "application/merge-patch+json";

/** What each handler was given: a body that got 400 never reaches one. */
const seen: unknown[] = [];
const handlers = {
  patchEvent: ({ body }: { body: unknown }) => {
    seen.push(body);
    return { status: 200 };
  },
  getEvent: ({ query }: { query: { as?: string } }) =>
    query.as === "hal"
      ? {
          status: 200,
          headers: { "Content-Type": "application/hal+json" },
          body: { when: "tomorrow", day: new Date("2026-11-25T00:00:00Z") },
        }
      : {
          status: 200,
          body: {
            when: new Date("2026-11-26T10:00:00Z"),
            count: 2n ** 53n + 1n,
          },
        },
};
const webhookHandlers = {
  eventPatched: ({ body }: { body: unknown }) => {
    seen.push(body);
    return { status: 204 };
  },
};

const SERVED = [...SERVED_API, "webhook"] as const;
let dir: string;
const servers = new Map<string, StartedServer>();

beforeAll(async () => {
  const model = {
    ...loadModel([SPEC], { cwd: REPO }),
    scalars: { dates: "Date", int64: "bigint" } as const,
  };
  dir = await emitEveryAdapter("body-scalars", model);
  writeFiles(dir, await emitted("client", model));
  for (const [served, server] of await startEvery(dir, handlers, {
    basePath: "",
  }))
    servers.set(served, server);
  servers.set("webhook", await startWebhookListener(dir, webhookHandlers));
}, 120_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

/** Sends `body` as `contentType` to the PATCH (or its webhook): the status and what was handled. */
async function patch(served: string, body: string, contentType: string) {
  seen.length = 0;
  const path = served === "webhook" ? "/eventPatched" : "/events/1";
  const response = await fetch(servers.get(served)!.url + path, {
    method: "PATCH",
    headers: { "content-type": contentType },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, got: [...seen] };
}
const ok = (served: string) => (served === "webhook" ? 204 : 200);

describe("a body is revived by its own media type's plan", () => {
  it.each(SERVED)(
    "%s: application/json revives `when` (a Date) and `count` (a bigint past 2^53)",
    async (served) => {
      const { status, got } = await patch(
        served,
        '{"when":"2026-11-26T10:00:00Z","count":9007199254740993}',
        "application/json",
      );
      expect(status).toBe(ok(served));
      expect(got).toEqual([
        {
          when: new Date("2026-11-26T10:00:00Z"),
          count: 9007199254740993n,
        },
      ]);
    },
  );

  it.each(SERVED)(
    "%s: a merge patch keeps its free-text `when` as text and revives its own `seen`",
    async (served) => {
      const free = await patch(served, '{"when":"tomorrow"}', MERGE_PATCH);
      expect(free.status, free.text).toBe(ok(served));
      expect(free.got).toEqual([{ when: "tomorrow" }]);
      const dated = await patch(
        served,
        '{"when":"2026-11-26T10:00:00Z","seen":"2026-11-25T08:30:00Z"}',
        `${MERGE_PATCH}; charset=utf-8`,
      );
      expect(dated.status, dated.text).toBe(ok(served));
      expect(dated.got).toEqual([
        {
          when: "2026-11-26T10:00:00Z",
          seen: new Date("2026-11-25T08:30:00Z"),
        },
      ]);
    },
  );

  it.each(SERVED_API)(
    "%s: a form's `when` is revived as the date its schema says",
    async (served) => {
      const { status, text, got } = await patch(
        served,
        "when=2026-11-26",
        "application/x-www-form-urlencoded",
      );
      expect(status, text).toBe(200);
      expect(got).toEqual([{ when: new Date("2026-11-26") }]);
    },
  );
});

describe("an answer goes and comes back by its own media type's plan", () => {
  const WIRE = {
    json: '{"when":"2026-11-26T10:00:00.000Z","count":9007199254740993}',
    hal: '{"when":"tomorrow","day":"2026-11-25"}',
  };

  it.each(SERVED_API)(
    "%s: a HAL answer's `day` goes as a date, the JSON one's members as theirs",
    async (served) => {
      for (const as of ["json", "hal"] as const) {
        const response = await fetch(
          `${servers.get(served)!.url}/events/1?as=${as}`,
        );
        expect(await response.text()).toBe(WIRE[as]);
      }
    },
  );

  it("the client revives each answer by the media type it came as", async () => {
    const { createClient } = await import(
      pathToFileURL(join(dir, "client", "index.ts")).href
    );
    const api = createClient({ baseUrl: servers.get("node")!.url });
    const get = (as: string) =>
      api.getEvent({ path: { id: "1" }, query: { as } });
    expect((await get("json")).data).toEqual({
      when: new Date("2026-11-26T10:00:00Z"),
      count: 2n ** 53n + 1n,
    });
    expect((await get("hal")).data).toEqual({
      when: "tomorrow",
      day: new Date("2026-11-25T00:00:00Z"),
    });
  });
});

describe("the handler's body type says what arrives", () => {
  it("each media type's members as revived (tsc, strict)", () => {
    writeFileSync(
      join(dir, "body-types.ts"),
      `import type { Handlers } from "./server/contracts.js";

type Body<H> = H extends (request: infer R) => unknown
  ? R extends { body: infer B }
    ? B
    : never
  : never;
type PatchBody = Body<Handlers["patchEvent"]>;

export const whole: PatchBody = { when: new Date(), count: 1n };
export const mergePatch: PatchBody = { when: "tomorrow", seen: new Date() };
export const form: PatchBody = {};
// @ts-expect-error the merge patch's seen is revived: no string arrives
export const seenText: PatchBody = { seen: "2026-11-25T08:30:00Z" };
`,
    );
    const { ok, output } = typeCheck(dir);
    expect(output).toBe("");
    expect(ok).toBe(true);
  }, 120_000);
});
