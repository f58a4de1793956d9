import { endpointTypeBase, schemaTypeNames } from "../emit/type-index/names.js";
import { webhookTypeBase } from "../emit/type-index/webhook-names.js";
import { parameterKey } from "../model/factories.js";
import { baseMediaType } from "../model/media-types.js";
import { mainType } from "../model/schema/schema.js";
import { endpointKey } from "../model/merge/naming.js";
import { webhookKey } from "../model/merge/webhooks.js";
import { compareCodeUnits as cmp, compareEndpoints } from "../model/order.js";
import { pathShape, pathVariables } from "../model/path-template.js";
import type {
  ApiModel,
  Endpoint,
  Parameter,
  SecurityRequirement,
  SourceRef,
  Webhook,
} from "../model/types.js";
import { makeChange, type Change, type GeneratedNames } from "./change.js";
import { SEVERITY_ORDER, type Breaks, type RuleId } from "./rules.js";
import { SchemaDiff, type Direction } from "./schema-diff.js";

/** The type that holds the members of each location whose parameters are matched by name. */
const LOCATION_TYPE = {
  query: "Query",
  header: "Headers",
  cookie: "Cookies",
};

/** Every change from one merged model to another, breaking first, matched as docs/diff.md says. */
export function compareModels(before: ApiModel, after: ApiModel): Change[] {
  const schemas = new SchemaDiff(
    before.schemas,
    after.schemas,
    schemaTypeNames(after),
  );
  const out: Change[] = [];
  pairUp(
    [...before.endpoints].sort(compareEndpoints),
    after.endpoints,
    (e) => `${e.method} ${pathShape(e.path)}`,
    {
      gone: (old) =>
        recorder(out, endpointKey(old), names(old))(
          "operation-removed",
          `${endpointKey(old)} was removed: ${old.name}() and its handler are gone`,
          old.sources[0],
        ),
      both: (old, now) => compareEndpoint(old, now, schemas, out),
      added: (now) =>
        recorder(out, endpointKey(now), names(now))(
          "operation-added",
          `${endpointKey(now)} was added as ${now.name}()`,
          undefined,
          now.sources[0],
        ),
    },
  );
  // the webhooks, by key and method: a change's `endpoint` is the key, `POST webhook pet.created`
  pairUp(
    before.webhooks ?? [],
    after.webhooks ?? [],
    (w) => `${w.method} ${w.key}`,
    {
      gone: (old) =>
        recorder(out, webhookKey(old), { handler: old.name })(
          "webhook-removed",
          `the webhook ${JSON.stringify(old.key)} is no longer sent: its handler ${old.name} is gone from WebhookHandlers`,
          old.sources[0],
        ),
      both: (old, now) => compareWebhook(old, now, schemas, out),
      added: (w) =>
        recorder(out, webhookKey(w), { handler: w.name })(
          "webhook-added",
          `the webhook ${JSON.stringify(w.key)} was added: receivers need a handler ${w.name}`,
          undefined,
          w.sources[0],
        ),
    },
  );
  return groupShared(out).sort(compareChanges);
}

/** One change per change of a named schema: the first endpoint carries it, the others are in `also`. */
function groupShared(changes: Change[]): Change[] {
  const out: Change[] = [];
  const first = new Map<string, Change>();
  for (const change of changes) {
    const head = sharedHead.get(change);
    const key = head && `${change.rule} ${head}`;
    const kept = key ? first.get(key) : undefined;
    if (!kept) {
      if (key) first.set(key, change);
      out.push(change);
    } else if (
      change.endpoint !== kept.endpoint &&
      // an endpoint reaches the schema once per response and media type
      !kept.also?.some((a) => a.endpoint === change.endpoint)
    )
      (kept.also ??= []).push({
        endpoint: change.endpoint,
        function: change.names.function!,
      });
  }
  for (const change of first.values())
    if (change.also)
      change.message = `${sharedHead.get(change)} (in ${[change.names.function!, ...change.also.map((a) => a.function)].map((f) => `${f}()`).join(", ")})`;
  return out;
}

/** A named schema's change's message without its place: what it is grouped by, with its rule. */
const sharedHead = new WeakMap<Change, string>();

/** The names the user's code knows an endpoint by: its client function and its handler. */
function names(endpoint: Endpoint): GeneratedNames {
  return { function: endpoint.name, handler: endpoint.name };
}

function compareEndpoint(
  old: Endpoint,
  now: Endpoint,
  schemas: SchemaDiff,
  out: Change[],
): void {
  const fn = now.name;
  const base = endpointTypeBase(now);
  const add = recorder(out, endpointKey(now), names(now));
  const fromSchema: FromSchema = (where, ...site) => {
    for (const c of schemas.between(...site)) {
      const change = add(
        c.rule,
        `${c.subject} ${c.what} (${where} of ${fn})`,
        c.old,
        c.new,
        c.names,
      );
      if (c.shared) sharedHead.set(change, `${c.subject} ${c.what}`);
    }
  };

  // the change names the ones the user's code still uses
  if (old.name !== now.name)
    add(
      "operation-renamed",
      `the client function ${old.name}() is now ${now.name}(): lock the old name in apiloom.lock.json or config "names" to keep it`,
      old.sources[0],
      now.sources[0],
    ).names = names(old);

  // a parameter on both sides: how it is written, then its schema
  const parameter = (at: string, a: Parameter, b: Parameter, type: string) => {
    if (written(a, at) !== written(b, at))
      add(
        "parameter-serialization-changed",
        `${at} parameter ${b.name} of ${fn}() is now written ${written(b, at)}, was ${written(a, at)}`,
        a.sources[0],
        b.sources[0],
        { type, member: b.name },
      );
    fromSchema(`the ${at}`, "request", type, [b.name], a, b);
  };

  // path variables: matched by position (same shape); a new name is the same parameter
  const varsOld = pathVariables(old.path);
  pathVariables(now.path).forEach((name, i) => {
    const was = varsOld[i];
    if (was !== undefined && was !== name)
      add(
        "path-parameter-renamed",
        `path parameter {${was}} is now {${name}} (${old.path} → ${now.path}): ${fn}() takes it as path.${name}`,
        old.parameters.path[i]?.sources[0] ?? old.sources[0],
        now.parameters.path[i]?.sources[0] ?? now.sources[0],
        { type: base + "Path", member: name, was },
      );
    const a = old.parameters.path[i];
    const b = now.parameters.path[i];
    if (a && b) parameter("path", a, b, base + "Path");
  });

  for (const location of ["query", "header", "cookie"] as const) {
    const type = base + LOCATION_TYPE[location];
    pairUp(old.parameters[location], now.parameters[location], parameterKey, {
      gone: (a) =>
        add(
          "parameter-removed",
          `${location} parameter ${a.name} was removed from ${fn}()`,
          a.sources[0],
          now.sources[0],
          { type, member: a.name },
        ),
      both: (a, b) => {
        if (a.required !== b.required)
          add(
            `parameter-became-${b.required ? "required" : "optional"}`,
            `${location} parameter ${a.name} of ${fn}() is now ${b.required ? "required" : "optional"}`,
            a.sources[0],
            b.sources[0],
            { type, member: b.name },
          );
        parameter(location, a, b, type);
      },
      added: (b) =>
        add(
          `${b.required ? "required" : "optional"}-parameter-added`,
          `${location} parameter ${b.name} was added to ${fn}()${b.required ? ", required" : ""}`,
          old.sources[0],
          b.sources[0],
          { type, member: b.name },
        ),
    });
  }

  const a = old.requestBody;
  const b = now.requestBody;
  const body = base + "Body";
  // at the body on each side, else at the endpoint
  const bodyChange = (rule: RuleId, message: string) =>
    add(rule, message, (a ?? old).sources[0], (b ?? now).sources[0], {
      type: body,
    });
  if (!a && b?.required)
    bodyChange("request-body-added", `${fn}() now requires a request body`);
  if (a && !b)
    bodyChange(
      "request-body-removed",
      `${fn}() no longer takes a request body`,
    );
  if (a && b) {
    if (!a.required && b.required)
      bodyChange(
        "request-body-became-required",
        `the request body of ${fn}() is now required`,
      );
    pairUp(a.content, b.content, byMediaType, {
      gone: (media) =>
        bodyChange(
          "request-media-type-removed",
          `${fn}() no longer accepts a ${media.mediaType} body`,
        ),
      both: (x, y) =>
        fromSchema("the request body", "request", body, [], a, b, x, y),
    });
  }

  compareResponses(old, now, base + "Responses", "response", add, fromSchema, {
    where: (status) => `the ${status} response`,
    gone: (status) => `${fn}() no longer has a ${status} response`,
    media: (status, media) =>
      `the ${status} response of ${fn}() is no longer sent as ${media}`,
    added: (status) => `${fn}() has a new ${status} response`,
  });
  compareSecurity(old, now, add);
}

/** Whom a webhook's change breaks, turned round to your receiver (docs/diff.md, "Rules"). */
const TURNED: Record<Breaks, Breaks> = {
  clients: "servers",
  servers: "none",
  both: "servers",
  none: "none",
};

/** A webhook's payload, headers and answers, old and now: its changes, into `out`. */
function compareWebhook(
  old: Webhook,
  now: Webhook,
  schemas: SchemaDiff,
  out: Change[],
): void {
  const first = out.length;
  const base = webhookTypeBase(now);
  const name = JSON.stringify(now.key);
  const add = recorder(out, webhookKey(now), { handler: now.name });
  const fromSchema: FromSchema = (where, ...site) => {
    for (const c of schemas.between(...site))
      add(c.rule, `${c.subject} ${c.what} (${where})`, c.old, c.new, c.names);
  };

  // a lookalike webhook added before it took the name (no name lock)
  if (old.name !== now.name)
    add(
      "operation-renamed",
      `the handler of the webhook ${name} is now ${now.name}, was ${old.name}: lock the old name in apiloom.lock.json to keep it`,
      old.sources[0],
      now.sources[0],
    ).names = { handler: old.name };

  // the payload: read by your receiver
  const type = `${base}Body`;
  const where = `the payload of the webhook ${name}`;
  const a = old.requestBody;
  const b = now.requestBody;
  if (a && b)
    pairUp(a.content, b.content, byMediaType, {
      gone: (media) =>
        add(
          "response-media-type-removed",
          `${where} is no longer sent as ${media.mediaType}`,
          a.sources[0],
          b.sources[0],
          { type },
        ),
      both: (x, y) => fromSchema(where, "response", type, [], a, b, x, y),
    });

  // the headers: read by your receiver, as members of `<Name>WebhookHeaders`
  const headers = `${base}Headers`;
  pairUp(old.parameters.header, now.parameters.header, parameterKey, {
    gone: (p) =>
      add(
        "response-property-removed",
        `the header ${p.name} of the webhook ${name} is no longer sent`,
        p.sources[0],
        now.sources[0],
        { type: headers, member: p.name },
      ),
    both: (p, q) => {
      const label = `the header ${q.name} of the webhook ${name}`;
      if (p.required && !q.required)
        add(
          "response-property-became-optional",
          `${label} is now optional: your receiver may not get it`,
          p.sources[0],
          q.sources[0],
          { type: headers, member: q.name },
        );
      fromSchema(label, "response", headers, [q.name], p, q);
    },
    added: (q) =>
      add(
        `${q.required ? "required" : "optional"}-response-property-added`,
        `the header ${q.name} of the webhook ${name} was added${q.required ? ", always sent" : ""}`,
        old.sources[0],
        q.sources[0],
        { type: headers, member: q.name },
      ),
  });

  // the answers: written by your handler, read by the API
  const answer = (status: string) =>
    `the ${status} answer to the webhook ${name}`;
  compareResponses(old, now, `${base}Responses`, "request", add, fromSchema, {
    where: answer,
    gone: (status) =>
      `${answer(status)} is no longer declared: your handler may not answer ${status}`,
    media: (status, media) =>
      `${answer(status)} is no longer taken as ${media}`,
    added: (status) => `the webhook ${name} may now be answered ${status}`,
  });
  for (const change of out.slice(first)) change.breaks = TURNED[change.breaks];
}

/**
 * The responses, old and now, by status, then by media type: an endpoint's are read by its
 * clients, a webhook's answers written by your handler (`direction` "request"); `say` words each.
 */
function compareResponses(
  old: Endpoint,
  now: Endpoint,
  type: string,
  direction: Direction,
  add: Recorder,
  fromSchema: FromSchema,
  say: {
    where(status: string): string;
    gone(status: string): string;
    media(status: string, mediaType: string): string;
    added(status: string): string;
  },
): void {
  pairUp(old.responses, now.responses, (r) => r.status, {
    gone: (r) =>
      add(
        "response-status-removed",
        say.gone(r.status),
        r.sources[0],
        now.sources[0],
        { type, member: r.status },
      ),
    both: (r, match) =>
      pairUp(r.content, match.content, byMediaType, {
        gone: (media) =>
          add(
            `${direction}-media-type-removed`,
            say.media(r.status, media.mediaType),
            r.sources[0],
            match.sources[0],
            { type, member: r.status },
          ),
        both: (x, y) =>
          fromSchema(
            say.where(r.status),
            direction,
            type,
            [r.status],
            r,
            match,
            x,
            y,
          ),
      }),
    added: (r) =>
      add(
        "response-status-added",
        say.added(r.status),
        old.sources[0],
        r.sources[0],
        { type, member: r.status },
      ),
  });
}

type Recorder = ReturnType<typeof recorder>;
/** Records the changes of the schemas at a site, `where` in words. */
type FromSchema = (
  where: string,
  ...site: Parameters<SchemaDiff["between"]>
) => void;

/** A requirement as text that does not depend on the order of its schemes and scopes. */
function requirementKey(req: SecurityRequirement): string {
  return JSON.stringify(
    Object.keys(req)
      .sort()
      .map((k) => [k, [...(req[k] ?? [])].sort()]),
  );
}

function compareSecurity(old: Endpoint, now: Endpoint, add: Recorder): void {
  const a = old.security ?? [];
  const b = now.security ?? [];
  const open = (list: SecurityRequirement[]) =>
    list.length === 0 || list.some((r) => Object.keys(r).length === 0);
  const fn = now.name;
  const describe = (list: SecurityRequirement[]) =>
    list.map((r) => Object.keys(r).join(" + ") || "none").join(" or ");
  const keysB = new Set(b.map(requirementKey));
  const change = (rule: RuleId, message: string) =>
    add(rule, message, old.sources[0], now.sources[0]);
  if (open(a) && !open(b))
    change(
      "security-requirement-added",
      `${fn}() now requires credentials: ${describe(b)}`,
    );
  else if (!open(a) && open(b))
    change(
      "security-requirement-removed",
      `${fn}() no longer requires credentials`,
    );
  // a new alternative only adds a way in; one that is gone (or asks more scopes) shuts one
  else if (a.some((r) => !keysB.has(requirementKey(r))))
    change(
      "security-requirement-changed",
      `${fn}() takes other credentials: ${describe(a)} before, ${describe(b)} now`,
    );
}

/** Records an endpoint's (or webhook's) changes into `out`, each with `names`, then its own (`more`). */
function recorder(out: Change[], endpoint: string, names: GeneratedNames) {
  return (
    rule: RuleId,
    message: string,
    a: SourceRef | undefined,
    b?: SourceRef,
    more: GeneratedNames = {},
  ): Change => {
    const change = makeChange(rule, {
      endpoint,
      message,
      ...(a ? { old: a } : {}),
      ...(b ? { new: b } : {}),
      names: { ...names, ...more },
    });
    out.push(change);
    return change;
  };
}

/** Severity first, then endpoint, rule and message: the order every report prints. */
function compareChanges(a: Change, b: Change): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    cmp(a.endpoint, b.endpoint) ||
    cmp(a.rule, b.rule) ||
    cmp(a.message, b.message)
  );
}

/**
 * Pairs `before` and `after` by `key` (unique on each side): `gone` for each only before, `both`
 * for each on both sides, in `before`'s order, then `added` for each only after.
 */
function pairUp<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
  on: { gone(a: T): void; both(a: T, b: T): void; added?(b: T): void },
): void {
  const now = new Map(after.map((b) => [key(b), b]));
  for (const a of before) {
    const b = now.get(key(a));
    if (b) on.both(a, b);
    else on.gone(a);
  }
  if (!on.added) return;
  const was = new Set(before.map(key));
  for (const b of after) if (!was.has(key(b))) on.added(b);
}

/** How a parameter is written: its `content`, else its style (a scalar's alike, but in a path). */
function written(p: Parameter, where: string): string {
  const { style, explode } = p.serialization ?? {};
  const plain =
    where !== "path" &&
    !["array", "object", undefined].includes(mainType(p.schema));
  return (
    p.contentType ??
    (plain ? "as one value" : `${style}${explode ? ", exploded" : ""}`)
  );
}

/** A media type as the server reads one: `Application/JSON; charset=utf-8` is `application/json`. */
const byMediaType = (media: { mediaType: string }) =>
  baseMediaType(media.mediaType);
