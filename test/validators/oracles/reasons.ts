/**
 * The reasons the oracles' allow-lists give, one per cause (samples-allowed.ts and
 * second-opinion-allowed.ts). A `fault X` reason names the issue 24 branch that fixes it: once
 * merged, its entries turn stale and are deleted.
 */

export const FAULT_A =
  "fault A (a recursive map: `type Details = Record<string, Details> | string` is circular, TS2456), fixed by issue 24 branch fidtypes24";

export const EXAMPLE_UNDECLARED =
  "the spec's example has a member its schema does not declare (a typo or a newer field); JSON Schema allows extra members, the type lists the declared ones, as openapi-typescript's does";
export const SLACK_EXAMPLE =
  "Slack's example fails its own schema (abbreviated: required members left out, values outside the enum or pattern, wrong types); listed, never typed";
export const DOCKER_VOLUME_EXAMPLE =
  "Docker's Volume example leaves out `Options`, which its schema requires; listed, never typed";
export const PEER_EMPTY_OBJECT =
  "apiloom right: openapi-typescript types `type: object` without properties as `Record<string, never>` (only `{}` fits); JSON Schema allows any member there, as apiloom's `Record<string, unknown>` says";
export const PEER_DEFAULT_REQUIRED =
  "apiloom right: openapi-typescript makes a member with a `default` non-optional (its defaultNonNullable); `default` is an annotation (JSON Schema 2020-12 §9.2), the server may leave the member out";
export const PEER_DISCRIMINATOR_CHILD =
  "apiloom wider, not wrong: openapi-typescript narrows `type` of each allOf child of Bitbucket's discriminator base `object` to the child's name (OpenAPI's implicit mapping); apiloom types the child by its own schema, where `type` is any string (a precision apiloom could add)";
export const PEER_DISCRIMINATOR_NAME =
  "apiloom right: openapi-typescript sets a member's discriminator property to the member's schema name (`type: \"TrackObject\"`, the implicit mapping) even where the member's own enum says `track`; apiloom keeps the enum";
export const PEER_REQUIRED_ONLY =
  "apiloom right (fault G): members an allOf member only lists in `required` are required (JSON Schema); openapi-typescript leaves them optional";
export const PEER_OBJECT_ENUM =
  "apiloom right: Docker's `ExposedPorts`/`Volumes` values are `{type: object, enum: [{}]}`, objects (apiloom `Record<string, unknown>`); openapi-typescript leaves them unknown";
export const PEER_TYPELESS_OBJECT =
  "apiloom's reading: a schema without `type` but with object keywords (`{additionalProperties: false}`) is typed as an object, the usual reading; the peer reads it otherwise (JSON Schema: `{}` or any non-object)";
export const PEER_FALSE_SCHEMA =
  "apiloom right: `{not: {}}` and `items: false` admit nothing (JSON Schema 2020-12 §4.3.2), so such a member is `never`; openapi-typescript reads them as unknown (it reads a plain `false` as undefined)";
export const PEER_REQUIRED_UNDECLARED =
  "apiloom right: a name in `required` that `properties` does not declare is a required member of any type (JSON Schema); openapi-typescript leaves it out";
export const PEER_ITEMS_BESIDE_COMPOSITION =
  "apiloom right: `items` beside a `oneOf` still types the arrays the oneOf admits (JSON Schema: each keyword applies); openapi-typescript drops it there (`unknown[] | string`)";
export const PEER_NO_VALUE =
  "apiloom right: a written `type` that no alternative shares admits no value (the validators reject every one), so the type is `never`; openapi-typescript's `null & (… | Self[])` refers to itself and does not compile (TS2502)";
