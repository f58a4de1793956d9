import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  method: string;
  /** The request target exactly as it arrived (path and query, still encoded). */
  url: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

/**
 * A real HTTP server on 127.0.0.1, port 0, that records every request and answers with
 * `respond` (by default `{"ok":true}` as JSON).
 */
export async function recordingServer(
  respond: (req: Received, res: ServerResponse) => void = (_req, res) => {
    res.setHeader("Content-Type", "application/json");
    res.end('{"ok":true}');
  },
): Promise<{
  baseUrl: string;
  received: Received[];
  close: () => Promise<void>;
}> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const entry: Received = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      received.push(entry);
      respond(entry, res);
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
