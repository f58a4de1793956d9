// Serves the request table's API (test/server/request-table.ts) with the generated Hono adapter
// on 127.0.0.1, port 0, under Deno or Bun, and prints its URL. Argument: the generated folder.
// test/server/adapters.test.ts runs it.
import { Hono } from "hono";
import { tableHandlers, TABLE_BODY_LIMIT } from "./request-table.js";

declare const Deno:
  | {
      args: string[];
      serve(
        options: {
          hostname: string;
          port: number;
          onListen(at: { port: number }): void;
        },
        handler: (request: Request) => Response | Promise<Response>,
      ): unknown;
    }
  | undefined;
declare const Bun:
  | {
      argv: string[];
      serve(options: {
        hostname: string;
        port: number;
        fetch: (request: Request) => Response | Promise<Response>;
      }): { port: number };
    }
  | undefined;

const deno = typeof Deno === "undefined" ? undefined : Deno;
const dir = deno ? deno.args[0]! : Bun!.argv[2]!;
const { apiRoutes } = await import(`${dir}/server/hono.ts`);
const app = new Hono();
apiRoutes(app, { handlers: tableHandlers, bodyLimit: TABLE_BODY_LIMIT });

if (deno)
  deno.serve(
    {
      hostname: "127.0.0.1",
      port: 0,
      onListen: ({ port }) => console.log(`http://127.0.0.1:${port}`),
    },
    app.fetch,
  );
else {
  const server = Bun!.serve({
    hostname: "127.0.0.1",
    port: 0,
    fetch: app.fetch,
  });
  console.log(`http://127.0.0.1:${server.port}`);
}
