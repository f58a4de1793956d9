import type { Endpoint, Parameter, Webhook } from "../../model/types.js";
import {
  isUntyped,
  type ObjectMember,
  payloadType,
  printDoc,
  printObject,
  printTypeAlias,
  raw,
  receivedBodyType,
  receivedBodyVariants,
  REQUEST_PARTS,
  requestBodyType,
  type SchemaNaming,
  stringLiteral,
  type TypeNode,
} from "../toolkit.js";
import type { SchemaMode, TypeIndex } from "../artifact.js";

/** A `<Name>Received` declaration, the names it uses from types.ts, and its name. */
export interface Received {
  name: string;
  declaration: string;
  uses: string[];
  /** Whether it refers to types.ts's schema types as `T.<Name>` (the file imports `* as T`). */
  namespace: boolean;
}

/**
 * `<Name>Received`: the endpoint's `<Name>Request` as the server decodes it, declared when a
 * parameter has no type in any source (the client sends `string | number`, the handler gets the
 * text) or when the body a handler gets is not `<Name>Body` (see `receivedBody`).
 */
export function receivedType(
  endpoint: Endpoint,
  index: TypeIndex,
): Received | undefined {
  const t = index.endpoint(endpoint);
  const members: ObjectMember[] = [];
  const uses: string[] = [];
  for (const [location, name] of REQUEST_PARTS) {
    const typeName = t[name];
    const untyped = endpoint.parameters[location].filter(isUntyped);
    if (!typeName || untyped.length === 0 || location === "cookie") continue;
    uses.push(typeName);
    members.push({
      name,
      optional: !t.required[name],
      type: {
        kind: "intersection",
        members: [raw(typeName), textMembers(untyped)],
      },
    });
  }
  const body = receivedBody(endpoint, index, "write", t.required.body);
  if (members.length === 0 && !body) return undefined;
  const lines = [
    ...(members.length > 0 ? ["parameters no source types are text"] : []),
    ...(body ? [BODY_LINE] : []),
  ];
  const name = `${t.base}Received`;
  if (!body) return received(name, t.request, members, lines, uses);
  // the body widened: every member restated (an interface extending the request cannot widen it)
  const all: ObjectMember[] = [];
  for (const [, name] of REQUEST_PARTS) {
    const typeName = t[name];
    if (!typeName) continue;
    const own = members.find((m) => m.name === name);
    if (!own) uses.push(typeName);
    all.push(own ?? { name, optional: !t.required[name], type: raw(typeName) });
  }
  return received(name, t.request, all, lines, uses, body);
}

/** `<Name>WebhookReceived`, declared when the payload is not `<Name>WebhookBody`. */
export function webhookReceivedType(
  webhook: Webhook,
  index: TypeIndex,
): Received | undefined {
  const t = index.webhook(webhook);
  const body = receivedBody(webhook, index, "read", t.required.body);
  if (!body) return undefined;
  const headers: ObjectMember[] = t.headers
    ? [{ name: "headers", optional: !t.required.headers, type: raw(t.headers) }]
    : [];
  const uses = t.headers ? [t.headers] : [];
  const name = `${t.base}Received`;
  return received(name, t.request, headers, [BODY_LINE], uses, body);
}

const BODY_LINE =
  "its body as each media type brings it, told apart by `mediaType` (the listed media type it came as)";

/**
 * The body a handler gets by media type (`receivedBodyVariants`), when it is not the one sent (a
 * request's as the client types it, `json` "write"; a webhook's payload, "read").
 */
function receivedBody(
  { requestBody }: Endpoint,
  index: TypeIndex,
  json: SchemaMode,
  required: boolean,
): { variants: TypeNode; namespace: boolean } | undefined {
  const content = requestBody?.content;
  if (!content) return undefined;
  const sent =
    json === "write"
      ? requestBodyType(content, index)
      : payloadType(content, index);
  const received = receivedBodyType(content, index, json);
  if (!received || JSON.stringify(received) === JSON.stringify(sent))
    return undefined;
  let namespace = false;
  const naming: SchemaNaming = {
    ...index,
    refName: (name, mode) => {
      const type = index.refName(name, mode);
      // a dangling reference is `unknown`, no name of types.ts
      if (type === "unknown") return type;
      namespace = true;
      return `T.${type}`;
    },
  };
  const variants = receivedBodyVariants(content, naming, json)!.map(
    ({ mediaType, type }) =>
      variant(raw(stringLiteral(mediaType)), type, false),
  );
  if (!required)
    variants.push(variant(raw("undefined"), raw("undefined"), true));
  return { variants: { kind: "union", members: variants }, namespace };
}

/** `{ mediaType: <mediaType>; body: <body> }`, both members `optional` or not. */
function variant(
  mediaType: TypeNode,
  body: TypeNode,
  optional: boolean,
): TypeNode {
  const members = [
    { name: "mediaType", optional, type: mediaType },
    { name: "body", optional, type: body },
  ];
  return { kind: "object", inline: true, members };
}

/**
 * The declaration, its JSDoc one line a clause (a comment is not laid out again): an interface
 * extending `request` with `members`; with `body`, `export type <name> = { <members> } &
 * (<variants>)`, which a handler narrows by `mediaType`.
 */
function received(
  name: string,
  request: string,
  members: ObjectMember[],
  lines: string[],
  uses: string[],
  body?: { variants: TypeNode; namespace: boolean },
): Received {
  const doc = printDoc(
    lines.map(
      (line, i) =>
        `${i === 0 ? `\`${request}\` as handlers get it: ` : ""}${line}${i === lines.length - 1 ? "." : ";"}`,
    ),
    0,
  );
  if (!body) {
    const object = printObject({ kind: "object", members });
    // prettier 3 keeps a heritage clause on the interface's line whatever its length
    const head = `export interface ${name} extends ${request} {`;
    const declaration = `${doc}${head}${object.slice(1)}\n`;
    return { name, uses: [request, ...uses], namespace: false, declaration };
  }
  const node: TypeNode =
    members.length === 0
      ? body.variants
      : {
          kind: "intersection",
          members: [{ kind: "object", members }, body.variants],
        };
  const declaration = `${doc}${printTypeAlias(`export type ${name}`, node)}`;
  return { name, uses, namespace: body.namespace, declaration };
}

function textMembers(parameters: Parameter[]): TypeNode {
  return {
    kind: "object",
    inline: true,
    members: parameters.map((p) => ({
      name: p.name,
      optional: !p.required,
      type: raw("string"),
    })),
  };
}
