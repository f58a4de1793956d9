import { describe, expect, it } from "vitest";
import { loadModel } from "../../pipeline.js";
import mocks from "./plugin.js";
import { pluginContext } from "../../../test/emitted.js";
import { emitMocks } from "./index.js";

/** A description whose operationIds end in `Handler`, or make another's handler name. */
const SPEC = JSON.stringify({
  openapi: "3.1.0",
  info: { title: "Names", version: "1" },
  paths: {
    "/a": {
      get: { operationId: "list", responses: { 204: { description: "" } } },
      post: {
        operationId: "listHandler",
        responses: { 204: { description: "" } },
      },
    },
    "/b": {
      get: { operationId: "http", responses: { 204: { description: "" } } },
      post: {
        operationId: "getAllHandler",
        responses: { 204: { description: "" } },
      },
    },
  },
});

describe("mock handler names (src/emit/mocks)", () => {
  it("are <name>Handler, the name itself when it ends in Handler, and never one name twice", () => {
    const model = loadModel([{ file: "names.json", text: SPEC }]);
    const text = emitMocks(pluginContext(mocks, model)).contents;
    const names = [
      ...text.matchAll(/^export const (\w+): HttpHandler =/gm),
    ].map((m) => m[1]);
    expect(names.sort()).toEqual([
      "getAllHandler",
      "httpHandler",
      "listHandler",
      "listHandler2",
    ]);
  });
});
