/*
 * Some operations declare only a redirect as their success: Bitbucket's download
 * (`GET /repositories/…/downloads/{filename}`: 302 to the file), GitHub's tarball (302), Jira's
 * long deletes (`DELETE /rest/api/3/field/{id}`: 303 to the task), 132 operations of APIs.guru's
 * directory. The client follows redirects itself, so such a call lands on the target's 200: it
 * was `ok: false` with the file in `error` (and threw `ApiError` with `throwOnError`), where
 * openapi-fetch and Octokit return it as the data.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import createFetchClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { typeCheck } from "./compile.js";
import { generateClient, importClient } from "./generate.js";
import { recordingServer } from "./server.js";

const text = JSON.stringify({
  openapi: "3.0.3",
  info: { title: "Redirects", version: "1" },
  paths: {
    "/downloads/{name}": {
      get: {
        operationId: "getDownload",
        parameters: [
          {
            name: "name",
            in: "path",
            required: true,
            schema: { type: "string" },
          },
        ],
        responses: {
          "302": { description: "Redirects to the file" },
          "404": {
            description: "No such file",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { message: { type: "string" } },
                  required: ["message"],
                },
              },
            },
          },
        },
      },
    },
    "/fields/{id}": {
      delete: {
        operationId: "deleteField",
        parameters: [
          {
            name: "id",
            in: "path",
            required: true,
            schema: { type: "string" },
          },
        ],
        responses: {
          "303": { description: "The task deleting it" },
          "400": { description: "Not a field" },
        },
      },
    },
    "/pets": {
      get: {
        operationId: "listPets",
        responses: {
          "200": {
            description: "The pets",
            content: { "application/json": { schema: { type: "array" } } },
          },
          "302": { description: "Moved" },
        },
      },
    },
  },
});

type Call = (
  args: object,
  options: object,
) => Promise<{ ok: boolean; status: number; data?: unknown; error?: unknown }>;

let server: Awaited<ReturnType<typeof recordingServer>>;
let dir: string;
let api: Record<string, Call>;

beforeAll(async () => {
  server = await recordingServer((req, res) => {
    const moves: Record<string, [number, string]> = {
      "/downloads/a.txt": [302, "/files/a.txt"],
      "/fields/f1": [303, "/tasks/9"],
      "/pets": [302, "/other-pets"],
    };
    const move = moves[req.url];
    if (move) res.writeHead(move[0], { Location: move[1] });
    else if (req.url === "/files/a.txt")
      res.writeHead(200, { "Content-Type": "text/plain" });
    else if (req.url === "/tasks/9")
      res.writeHead(200, { "Content-Type": "application/json" });
    else if (req.url === "/downloads/none")
      res.writeHead(404, { "Content-Type": "application/json" });
    else res.writeHead(204);
    res.end(
      req.url === "/files/a.txt"
        ? "hello"
        : req.url === "/downloads/none"
          ? '{"message":"no"}'
          : req.url === "/tasks/9"
            ? '{"status":"done"}'
            : undefined,
    );
  });
  const made = await generate([{ file: "redirects.json", text }], {
    artifacts: ["client"],
  });
  dir = await generateClient(made.model, "followed-redirects");
  api = await importClient<Record<string, Call>>(dir);
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("an endpoint whose successes are all redirects", () => {
  it("answers with where the redirect led, as a success", async () => {
    const options = { baseUrl: server.baseUrl, retry: false };
    const download = await api.getDownload!(
      { path: { name: "a.txt" } },
      options,
    );
    expect(download).toMatchObject({ ok: true, status: 200, data: "hello" });
    const deleted = await api.deleteField!({ path: { id: "f1" } }, options);
    expect(deleted).toMatchObject({
      ok: true,
      status: 200,
      data: { status: "done" },
    });
    expect(
      await api.getDownload!(
        { path: { name: "a.txt" } },
        { ...options, throwOnError: true },
      ),
    ).toBe("hello");
    // 303 turns the DELETE into a GET of the task (the Fetch standard)
    expect(server.received.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /downloads/a.txt",
      "GET /files/a.txt",
      "DELETE /fields/f1",
      "GET /tasks/9",
      "GET /downloads/a.txt",
      "GET /files/a.txt",
    ]);
  });

  it("answers as openapi-fetch does", async () => {
    const peer = createFetchClient({ baseUrl: server.baseUrl });
    const theirs = await peer.DELETE(
      "/fields/{id}" as never,
      {
        params: { path: { id: "f1" } },
      } as never,
    );
    const ours = await api.deleteField!(
      { path: { id: "f1" } },
      { baseUrl: server.baseUrl, retry: false },
    );
    expect(theirs.error).toBeUndefined();
    expect(theirs.response.status).toBe(ours.status);
    expect(ours.data).toEqual(theirs.data);
  });

  it("still answers a declared error as an error", async () => {
    const result = await api.getDownload!(
      { path: { name: "none" } },
      { baseUrl: server.baseUrl, retry: false },
    );
    expect(result).toMatchObject({
      ok: false,
      status: 404,
      error: { message: "no" },
    });
  });

  it("keeps an undeclared 2XX an error where a 2XX is declared", async () => {
    const result = await api.listPets!(
      {},
      { baseUrl: server.baseUrl, retry: false },
    );
    expect(result).toMatchObject({ ok: false, status: 204 });
  });

  it("is typed so: the followed answer's data is unknown, never `never`", async () => {
    const program = join(dir, "program");
    mkdirSync(program, { recursive: true });
    writeFileSync(
      join(program, "program.ts"),
      `import { getDownload, deleteField, listPets } from "../client/index.ts";
type IsNever<T> = [T] extends [never] ? true : false;
const r = await getDownload({ path: { name: "a.txt" } });
if (r.ok) {
  const data: unknown = r.data;
  // @ts-expect-error the followed answer is a 2XX
  console.log(data, r.status === 302);
} else if (r.status === 404) console.log(r.error.message);
// @ts-expect-error a 2XX is a success here, never an error
else if (r.status === 200) console.log(r.error);
const data = await getDownload({ path: { name: "a.txt" } }, { throwOnError: true });
export const notNever: IsNever<typeof data> = false;
const d = await deleteField({ path: { id: "f1" } });
if (d.ok) console.log(d.data);
const p = await listPets({});
// an undeclared 2XX stays an error where a 2XX is declared
if (!p.ok && p.status === 204) console.log(p.error);
`,
    );
    expect(await typeCheck(program, { allowImportingTsExtensions: true })).toBe(
      "",
    );
  });
});
