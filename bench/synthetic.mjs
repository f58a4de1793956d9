// A synthetic OpenAPI 3.0 description with `operations` operations and half as many schemas:
// per resource, list/create on /rN and get/delete on /rN/{id}, an entity schema (scalars, an
// enum, an array, a $ref to the next entity in its ring of ten) and its input schema. Deterministic.
export function syntheticSpec(operations) {
  const resources = Math.ceil(operations / 4);
  const paths = {};
  const schemas = {};
  const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
  const json = (schema) => ({ "application/json": { schema } });
  let made = 0;
  for (let r = 0; r < resources; r++) {
    const tags = [`group${r % 50}`];
    const entity = `Thing${r}`;
    schemas[entity] = {
      type: "object",
      description: `Thing number ${r}.`,
      required: ["id", "name"],
      properties: {
        id: { type: "string", format: "uuid", readOnly: true },
        name: { type: "string", maxLength: 100 },
        count: { type: "integer", format: "int32", minimum: 0 },
        status: { type: "string", enum: ["active", "paused", "gone"] },
        labels: { type: "array", items: { type: "string" } },
        // a ring of ten: a chain through every schema would be a test of $ref depth, not of scale
        next: ref(
          `Thing${r - (r % 10) + (((r % 10) + 1) % Math.min(10, resources - (r - (r % 10))))}`,
        ),
      },
    };
    schemas[`${entity}Input`] = {
      type: "object",
      required: ["name"],
      properties: {
        name: { type: "string" },
        count: { type: "integer" },
        labels: { type: "array", items: { type: "string" } },
      },
    };
    const list = {};
    const one = {
      parameters: [
        { name: "id", in: "path", required: true, schema: { type: "string" } },
      ],
    };
    const add = (target, method, operation) => {
      if (made >= operations) return;
      made++;
      target[method] = { tags, ...operation };
    };
    add(list, "get", {
      operationId: `list${entity}`,
      summary: `List thing ${r}`,
      parameters: [
        { name: "limit", in: "query", schema: { type: "integer" } },
        { name: "cursor", in: "query", schema: { type: "string" } },
      ],
      responses: {
        200: {
          description: "the things",
          content: json({ type: "array", items: ref(entity) }),
        },
      },
    });
    add(list, "post", {
      operationId: `create${entity}`,
      requestBody: { required: true, content: json(ref(`${entity}Input`)) },
      responses: {
        201: { description: "created", content: json(ref(entity)) },
        400: { description: "invalid" },
      },
    });
    add(one, "get", {
      operationId: `get${entity}`,
      responses: {
        200: { description: "one thing", content: json(ref(entity)) },
        404: { description: "not found" },
      },
    });
    add(one, "delete", {
      operationId: `delete${entity}`,
      responses: { 204: { description: "gone" } },
    });
    paths[`/r${r}`] = list;
    if (one.get || one.delete) paths[`/r${r}/{id}`] = one;
  }
  return {
    openapi: "3.0.3",
    info: { title: `Synthetic ${operations}`, version: "1.0.0" },
    servers: [{ url: "https://api.example.test" }],
    paths,
    components: { schemas },
  };
}
