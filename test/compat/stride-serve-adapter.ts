// Starts the example Stride handlers behind a framework adapter of the generated server (Express
// 5 or Fastify 5, the first argument) on 127.0.0.1, port 0, and prints its URL.
// test/compat/runtimes.test.ts runs it on Node 22 and 24 for the client on Node 20.
import type { AddressInfo } from "node:net";
import express from "express";
import Fastify from "fastify";
import { apiRoutes as expressRoutes } from "../../generated/server/express.js";
import { apiRoutes as fastifyRoutes } from "../../generated/server/fastify.js";
import { handlers } from "../../examples/stride-server/handlers.js";

if (process.argv[2] === "fastify") {
  const app = Fastify();
  await app.register(fastifyRoutes, { handlers });
  console.log(await app.listen({ host: "127.0.0.1", port: 0 }));
} else {
  const app = express();
  app.use(expressRoutes({ handlers }));
  const server = app.listen(0, "127.0.0.1", () => {
    console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
}
