import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import {
  SERVED as SERVED_API,
  emitEveryAdapter,
  startEvery,
  startWebhookListener,
  type StartedServer,
} from "./adapter-servers.js";
import { typeCheck } from "./generated.js";

/*
 * A request body whose media types have different schemas (test/fixtures/server/body-schemas.yaml)
 * is judged by the schema of the media type it is read as (decode.ts's bodyMediaType), not by
 * the first JSON one's: a PATCH taking application/json (the whole thing, `name` required) and
 * application/merge-patch+json (every member optional, null allowed) used to get one validator,
 * the whole thing's, so a valid merge patch got 400 and a body the patch schema refuses reached
 * the handler. A text/plain body is judged by its own schema too: one the schema cannot admit
 * (an object schema, a string too long) is a 400 where it used to reach a handler typed as the
 * JSON object. Every way of serving the API (the node:http listener, Fastify, Express, Hono, the
 * fetch handler, the webhook receiver) over real HTTP on 127.0.0.1; then tsc on the handlers'
 * types.
 */
const REPO = resolve(import.meta.dirname, "../..");
const SPEC = "test/fixtures/server/body-schemas.yaml";
const MERGE_PATCH = "application/merge-patch+json";

/**
 * What each handler was given, in order (a body that got 400 never reaches one), and the
 * `mediaType` it was told the body came as.
 */
const seen: unknown[] = [];
const mediaTypes: unknown[] = [];
type Given = { body: unknown; mediaType?: string };
const record = (status: number) => (request: Given) => {
  seen.push(request.body);
  mediaTypes.push(request.mediaType);
  return { status };
};
const handlers = {
  patchThing: record(200),
  postNote: record(201),
  postMemo: record(201),
};
const webhookHandlers = { thingPatched: record(204) };

const SERVED = [...SERVED_API, "webhook"] as const;
let dir: string;
const servers = new Map<string, StartedServer>();

beforeAll(async () => {
  const model = loadModel([SPEC], { cwd: REPO });
  dir = await emitEveryAdapter("body-schemas", model);
  for (const [served, server] of await startEvery(dir, handlers, {
    basePath: "",
  }))
    servers.set(served, server);
  servers.set("webhook", await startWebhookListener(dir, webhookHandlers));
}, 120_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

/** Sends `body` (JSON unless a string) as `contentType`: the status, the answer, what was handled. */
async function send(
  served: string,
  method: string,
  path: string,
  body: unknown,
  contentType: string,
) {
  seen.length = 0;
  mediaTypes.length = 0;
  const response = await fetch(servers.get(served)!.url + path, {
    method,
    headers: { "content-type": contentType },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    answer: text === "" ? undefined : JSON.parse(text),
    got: [...seen],
    mediaTypes: [...mediaTypes],
  };
}

/** The PATCH of a thing, or its webhook's delivery. */
const patch = (served: string, body: unknown, contentType: string) =>
  served === "webhook"
    ? send(served, "PATCH", "/thingPatched", body, contentType)
    : send(served, "PATCH", "/things/1", body, contentType);
const patched = (served: string) => (served === "webhook" ? 204 : 200);

describe("application/json and application/merge-patch+json with different schemas", () => {
  it.each(SERVED)(
    "%s: a valid merge patch ({name: null}) is accepted as merge-patch+json, refused (400) as application/json",
    async (served) => {
      const asPatch = await patch(served, { name: null }, MERGE_PATCH);
      expect(asPatch.status).toBe(patched(served));
      expect(asPatch.got).toEqual([{ name: null }]);
      // the handler is told which: a merge patch, not a whole thing
      expect(asPatch.mediaTypes).toEqual([MERGE_PATCH]);
      // the whole thing's schema: name must be a string
      const asJson = await patch(
        served,
        { name: null },
        "application/json; charset=utf-8",
      );
      expect(asJson.status).toBe(400);
      expect(asJson.answer.violations).toEqual([
        expect.objectContaining({ in: "body", path: "/name", keyword: "type" }),
      ]);
      expect(asJson.got).toEqual([]);
    },
  );

  it.each(SERVED)(
    "%s: a body valid for application/json sent as merge-patch+json is judged by the patch schema",
    async (served) => {
      const whole = { name: "pen", owner: "me" };
      // the whole thing's schema admits it
      const asJson = await patch(served, whole, "application/json");
      expect(asJson.status).toBe(patched(served));
      expect(asJson.got).toEqual([whole]);
      expect(asJson.mediaTypes).toEqual(["application/json"]);
      // the patch schema has no `owner`
      const asPatch = await patch(served, whole, MERGE_PATCH);
      expect(asPatch.status).toBe(400);
      expect(asPatch.answer.violations).toEqual([
        expect.objectContaining({
          in: "body",
          keyword: "additionalProperties",
        }),
      ]);
      expect(asPatch.got).toEqual([]);
    },
  );
});

describe("text/plain beside application/json", () => {
  it.each(SERVED_API)(
    "%s: with the JSON object's schema, a text/plain body (a string) is refused (400) and reaches no handler",
    async (served) => {
      const { status, answer, got } = await send(
        served,
        "POST",
        "/notes",
        '{"text":"hi"}',
        "text/plain",
      );
      expect(status).toBe(400);
      expect(answer.violations).toEqual([
        expect.objectContaining({ in: "body", path: "", keyword: "type" }),
      ]);
      expect(got).toEqual([]);
      // the same bytes as JSON are a note
      const json = await send(
        served,
        "POST",
        "/notes",
        '{"text":"hi"}',
        "application/json",
      );
      expect(json).toMatchObject({ status: 201, got: [{ text: "hi" }] });
    },
  );

  it.each(SERVED_API)(
    "%s: with a string schema of its own, a text/plain body is judged by it",
    async (served) => {
      const memo = await send(
        served,
        "POST",
        "/memos",
        "short",
        "text/plain; charset=utf-8",
      );
      expect(memo).toMatchObject({
        status: 201,
        got: ["short"],
        mediaTypes: ["text/plain"],
      });
      const long = await send(
        served,
        "POST",
        "/memos",
        "far too long for a memo",
        "text/plain",
      );
      expect(long.status).toBe(400);
      expect(long.answer.violations).toEqual([
        expect.objectContaining({ in: "body", keyword: "maxLength" }),
      ]);
      expect(long.got).toEqual([]);
    },
  );
});

describe("the handlers' body types", () => {
  it("admit what each media type can bring and nothing else (tsc, strict)", () => {
    writeFileSync(
      join(dir, "body-types.ts"),
      `import type { Handlers } from "./server/contracts.js";
import type { WebhookHandlers } from "./server/webhook-contracts.js";

type Body<H> = H extends (request: infer R) => unknown
  ? R extends { body: infer B }
    ? B
    : never
  : never;

type PatchBody = Body<Handlers["patchThing"]>;
type WebhookBody = Body<WebhookHandlers["thingPatched"]>;
type NoteBody = Body<Handlers["postNote"]>;
type MemoBody = Body<Handlers["postMemo"]>;

// application/json: the whole thing
export const whole: PatchBody = { name: "pen", size: 1 };
// application/merge-patch+json: a merge patch
export const mergePatch: PatchBody = { name: null };
export const emptyPatch: PatchBody = {};
// @ts-expect-error neither schema admits a number for name
export const wrong: PatchBody = { name: 1 };
export const delivered: WebhookBody = { name: null };
export const deliveredWhole: WebhookBody = { name: "pen" };

export const note: NoteBody = { text: "hi" };
// @ts-expect-error a text/plain body never passes the note's object schema: no string arrives
export const noteText: NoteBody = "hi";

// text/plain with a string schema of its own: a string arrives, or a JSON note
export const memoText: MemoBody = "short";
export const memoNote: MemoBody = { text: "hi" };

// \`mediaType\` tells the bodies apart: each narrows to its own media type's
type PatchRequest = Parameters<Handlers["patchThing"]>[0];
export function patchOf(request: PatchRequest): string | null | undefined {
  if (request.mediaType === "application/merge-patch+json") {
    const patch: { name?: string | null } = request.body;
    // @ts-expect-error a merge patch may lack the name a whole thing has
    const whole: { name: string } = request.body;
    return whole && patch.name;
  }
  const whole: { name: string } = request.body;
  return whole.name;
}
// destructured, as docs/server.md writes it
export const patchThing = ({ path, mediaType, body }: PatchRequest): string => {
  if (mediaType === "application/merge-patch+json") {
    const patch: { name?: string | null } = body;
    return path.id + String(patch.name);
  }
  const whole: { name: string } = body;
  return path.id + whole.name;
};
export function memoOf(request: Parameters<Handlers["postMemo"]>[0]): string {
  return request.mediaType === "text/plain" ? request.body : request.body.text;
}
// @ts-expect-error no such media type is listed
export const unlisted = (r: PatchRequest) => r.mediaType === "text/plain";
`,
    );
    const { ok, output } = typeCheck(dir);
    expect(output).toBe("");
    expect(ok).toBe(true);
  }, 120_000);
});
