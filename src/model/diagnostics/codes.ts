import { family } from "./code-info.js";
import { Reporter } from "./reporter.js";

/** The codes the model reports; every layer above reports them too, and declares its own. */
export const MODEL_CODES = {
  ...family("schema", {
    error: {
      "alias-cycle":
        "named schemas that are only references to each other (`A → B → A`): no value",
    },
    warning: {
      "closed-allof-member":
        "an `allOf` member with `additionalProperties: false` beside members that declare others (`allOf: [Base (closed), {properties: {duration}}]`): the validators reject every value with them, the type allows them",
      "composition-cycle":
        "schemas that compose each other (`Cat: allOf [Pet]`, `Pet: oneOf [Cat]`): one link inlined",
      "enum-outside-type":
        "a schema's `enum` lists no value of its `type` (`type: array, enum: [a, b]`): the validators reject every value, the type is the enum's values",
      "invalid-keyword":
        'a schema keyword whose value has the wrong type (`required: yes`): ignored; a `type` list\'s YAML `null` (`- null`) is read as `"null"`',
      "too-deep":
        "schemas nest more than 128 levels deep: deeper ones are typed `unknown`",
      "non-finite-enum":
        'a numeric schema\'s `enum` lists `"NaN"` or `"Infinity"`, which JSON numbers cannot be: left out of the type',
      "invalid-pattern":
        "a `pattern` that is not a JavaScript regular expression: the validators skip it",
      "backtracking-pattern":
        "a `pattern` a backtracking engine may take super-linear time on (`^(a+)+$`), or that the analysis could not prove linear within its budget: the validators run it in linear time instead",
      "not-a-schema":
        "a schema that is a string, a number, a list or null (`schema: string`, a `$ref` to a text file): read as any value",
      "null-outside-enum":
        'a schema\'s `type` lists "null" and its `enum` does not (`type: [string, "null"], enum: [a, b]`): the validators reject null, the type leaves it out',
      "type-outside-alternatives":
        'a schema\'s `type` shares no type with any `oneOf`/`anyOf` alternative, or with an `allOf` member (`type: "null", oneOf: [{type: string}]`): no value is valid, the validators reject every one',
      "undeclared-required":
        "an object schema's `required` names a member its `properties` do not declare (often a typo; ajv's strictRequired reports it too): the type requires it (any value), the validators reject a value without it",
      "unsafe-pattern":
        "a `pattern` not proved linear that the linear-time matcher cannot run (backreferences, lookaround, or a program over 5,000 instructions: large nested counts): the validators do not check it (`--strict` fails the run)",
    },
  }),
  ...family("merge", {
    warning: {
      "base-url-conflict": "sources disagree on the server URL",
      "unmatched-prefer":
        "a `merge.prefer` / `--prefer` entry is neither an input nor a folder holding one: it prefers nothing",
      "operation-id-conflict":
        "sources give one endpoint different operationIds",
      "parameter-type-conflict": "sources give one parameter different types",
      "path-variable-names": "sources name a path variable differently",
      "schema-conflict":
        "sources define one named schema differently: the higher-ranked source wins",
      "security-conflict":
        "sources give one endpoint different security requirements (a collection's two requests on one route, one with a bearer token and one with an API key): the higher-ranked source's are used",
      "security-scheme-conflict":
        "sources define one security scheme differently: the higher-ranked source wins",
    },
  }),
  ...family("model", {
    warning: {
      "duplicate-webhook":
        "several documents declare one webhook (key and method) differently: the preferred one is used, the others ignored (copies alike are one, unsaid)",
      "form-body-not-object":
        "a multipart/form-data or url-encoded body's schema admits no object, so it names no fields: the client sends the FormData (or text) given, the server hands over the one it gets",
      "invalid-path-template":
        "a path template with a stray brace or a `{name}` twice: endpoint left out",
      "server-credentials":
        "a server URL that holds a user name or password (`https://user:pw@host`): they are left out, since fetch refuses such a URL and the generated code and docs would publish them",
      "text-body-not-string":
        "a request body's `text/*` media type has a schema no string passes: the generated server refuses every such body (400)",
      "undeclared-path-parameter":
        "a `{name}` in a path that no source declares: made a required string",
      "undescribed-body":
        "a source says a POST/PUT/PATCH sends a body (Postman body mode, `Content-Type`; not `consumes` alone), none describes it: `unknown`",
      "untyped-parameter":
        "no source types a parameter: the client takes a string or a number (sent as text), the server hands over a `string`",
      "unused-path-parameter":
        "a declared path parameter that is not in the path template: left out",
    },
    info: {
      "degenerate-tags":
        "the tags are words of the summaries, or more than half as many as the endpoints: the docs group by path (`docs.groupBy`)",
    },
  }),
  ...family("naming", {
    warning: {
      "invalid-override":
        "a `names` override that is not a usable identifier: its camelCase form is used (none: the derived name)",
      "override-taken":
        "a `names` override taken by an earlier one, or reserved (`createClient`): the derived name is used",
      "name-taken":
        "the name an endpoint's operationId or request title gives is another endpoint's (or reserved): it gets its method-and-path name",
      "unmatched-override":
        "a `names` key matches no endpoint (any method case, any variable names, `:id`), or another key names it",
    },
    info: {
      "shared-route":
        "requests with different titles share one route (merged examples): the endpoint is named after its method and path",
    },
  }),
  ...family("security", {
    info: {
      "scopes-from-prose":
        'auth was read from descriptions ("Authentication required, with scope …")',
    },
  }),
} as const;

export class ModelReporter extends Reporter<keyof typeof MODEL_CODES> {
  constructor() {
    super(MODEL_CODES);
  }
}
