// HTTP/1.1 over a raw node:net socket on 127.0.0.1: the request goes out byte for byte as
// written (no client library fixing up what an attacker would not), the answer is read whole.
import { connect } from "node:net";

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Milliseconds from the connection to the end of the answer. */
  ms: number;
}

/** Sends `method target` with `headers` and `body` (Content-Length set) to `url`'s host. */
export function rawRequest(
  url: string,
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  const lines = [`${method} ${target} HTTP/1.1`, `host: ${hostname}:${port}`];
  for (const [name, value] of Object.entries(headers))
    lines.push(`${name}: ${value}`);
  if (body !== undefined)
    lines.push(`content-length: ${Buffer.byteLength(body)}`);
  lines.push("connection: close", "", "");
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port: Number(port) });
    const chunks: Buffer[] = [];
    socket.setTimeout(60_000, () => socket.destroy(new Error("no answer")));
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      try {
        resolve({
          ...parse(Buffer.concat(chunks)),
          ms: performance.now() - started,
        });
      } catch (error) {
        reject(error);
      }
    });
    socket.write(lines.join("\r\n"));
    if (body !== undefined) socket.write(body);
  });
}

function parse(bytes: Buffer): Omit<RawAnswer, "ms"> {
  const end = bytes.indexOf("\r\n\r\n");
  if (end === -1)
    throw new Error(
      `no answer head: ${bytes.toString("latin1").slice(0, 200)}`,
    );
  const [statusLine, ...lines] = bytes
    .subarray(0, end)
    .toString("latin1")
    .split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(":");
    headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  let body = bytes.subarray(end + 4);
  if (/chunked/i.test(headers["transfer-encoding"] ?? "")) body = unchunk(body);
  return {
    status: Number(statusLine!.split(" ")[1]),
    headers,
    body: body.toString("utf8"),
  };
}

function unchunk(bytes: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf("\r\n", at);
    if (lineEnd === -1) break;
    const size = parseInt(bytes.subarray(at, lineEnd).toString("latin1"), 16);
    if (!(size > 0)) break;
    out.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(out);
}
