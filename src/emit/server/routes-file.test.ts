import { describe, expect, it } from "vitest";
import { createEndpoint, createParameter } from "../../model/factories.js";
import type { ApiModel } from "../../model/types.js";
import { routesFile, routeSpec } from "./route-specs.js";

const at = { file: "api.yaml", line: 1, column: 1, pointer: "" };

/** Text a template literal would misread if written as it is. */
const HOSTILE = 'a`b ${c} \\d \\` \\${e} \u2028 \ud800 "f" \n';

function model(): ApiModel {
  const endpoint = createEndpoint({
    method: "get",
    path: `/x/{id}/${HOSTILE}`,
    name: "getX",
    source: at,
  });
  endpoint.parameters.path.push(
    createParameter({
      name: "id",
      in: "path",
      source: at,
      required: true,
      schema: { type: "string", enum: [HOSTILE, "plain"] },
    }),
  );
  return {
    info: { title: "t", version: "1" },
    servers: [],
    securitySchemes: {},
    schemas: {},
    tags: [],
    endpoints: [endpoint],
    diagnostics: [],
  };
}

/** The value of the literal routes.ts exports, as JavaScript reads it. */
function exported(text: string): unknown {
  const at = text.indexOf("JSON.parse(");
  const code = text.slice(at, text.lastIndexOf(";"));
  return new Function(`return ${code}`)();
}

describe("server/routes.ts", () => {
  it("holds every route's entry, strings of any text intact", () => {
    const m = model();
    const expected = m.endpoints.map((e) => routeSpec(m, e));
    const value = exported(routesFile(m));
    // the JSON text drops undefined members, as a literal printed them not
    expect(value).toEqual(JSON.parse(JSON.stringify(expected)));
    expect((value as { path: string }[])[0]!.path).toBe(`/x/{id}/${HOSTILE}`);
  });

  it("is a template literal tsc reads as one string", () => {
    const text = routesFile(model());
    expect(text).toContain(
      "export const routes: readonly RouteSpec[] = JSON.parse(`[\n",
    );
    expect(text.endsWith("]`);\n")).toBe(true);
  });
});
