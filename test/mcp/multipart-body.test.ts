import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { apiloom } from "../cli/run.js";
import { apiServer, inProcess, OUT } from "./harness.js";

/*
 * A multipart/form-data body whose schema is no object (`{ type: string, format: binary }`, the
 * whole body a file) has no fields: the client sends a string given for it as one form field per
 * character ("0", "1", …), a Blob as an empty form. The tool did just that. Such an endpoint is
 * now no tool, with an mcp/body-not-sent warning; a multipart body of fields stays one.
 */
const SPEC = `openapi: 3.0.3
info: { title: Multipart binary body, version: "1" }
paths:
  /attachments:
    post:
      operationId: uploadAttachment
      requestBody:
        content:
          multipart/form-data:
            schema: { type: string, format: binary }
      responses: { "200": { description: ok } }
  /notes:
    post:
      operationId: postNote
      requestBody:
        content:
          multipart/form-data:
            schema:
              properties:
                text: { type: string }
                file: { type: string, format: binary }
      responses: { "200": { description: ok } }
`;

const dir = join(OUT, "multipart-body");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a multipart body that is no object", () => {
  it("is no tool, and apiloom says why", async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "spec.yaml"), SPEC);
    const out = join(dir, "out");
    const run = apiloom([
      "generate",
      join(dir, "spec.yaml"),
      "-o",
      out,
      "-a",
      "mcp",
      "--no-lock",
      "--no-config",
      "--verbose",
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("mcp/body-not-sent");
    expect(run.stderr).toContain("uploadAttachment");
    const api = await apiServer();
    const server = await inProcess(out, { baseUrl: api.baseUrl });
    try {
      const { tools } = await server.client.listTools();
      expect(tools.map((t) => t.name)).toEqual(["postNote"]);
      await expect(
        server.client.callTool({
          name: "uploadAttachment",
          arguments: { body: "aGVsbG8=" },
        }),
      ).rejects.toThrow(/not found/);
      expect(api.received).toHaveLength(0);
      const sent = await server.client.callTool({
        name: "postNote",
        arguments: { body: { text: "hi", file: "aGVsbG8=" } },
      });
      expect(sent.isError).toBeFalsy();
      expect(api.received).toHaveLength(1);
      const body = api.received[0]!.body;
      expect(body).toContain('name="text"\r\n\r\nhi\r\n');
      expect(body).toContain('name="file"; filename="blob"');
      expect(body).toContain("\r\n\r\nhello\r\n");
      expect(body).not.toContain('name="0"');
    } finally {
      await server.close();
      await api.close();
    }
  });
});
