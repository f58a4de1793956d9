// Starts the example Stride server. Node 20 cannot run TypeScript, so compile first, e.g.
// `npx tsc -p examples/stride-server && node examples/stride-server/dist/examples/stride-server/main.js`,
// or start it from a test with `startStrideServer()`.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { createRequestListener } from "../../generated/server/index.js";
import { handlers } from "./handlers.js";

export interface RunningStride {
  server: Server;
  /** `http://127.0.0.1:<port>`: the base URL for the generated client. */
  url: string;
}

export async function startStrideServer(
  port = 0,
  host = "127.0.0.1",
): Promise<RunningStride> {
  const server = createServer(createRequestListener(handlers));
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return { server, url: `http://${host}:${address.port}` };
}

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  const { url } = await startStrideServer(Number(process.env.PORT ?? 3000));
  console.log(`Stride example listening on ${url}`);
}
