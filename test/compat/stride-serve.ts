// Starts the example Stride server (its handlers over the generated node:http listener) on
// 127.0.0.1, port 0, and prints its URL. test/compat/runtimes.test.ts runs it under Deno and Bun.
import { startStrideServer } from "../../examples/stride-server/main.js";

const { url } = await startStrideServer();
console.log(url);
