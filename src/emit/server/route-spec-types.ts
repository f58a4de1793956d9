// The route data the server runtime reads (route-specs.ts builds and prints it).
// templates/server/runtime.ts holds the runtime's copy, which documents each member (a runtime
// file must stand alone; src/ cannot import templates/). test/templates/contract-types.test.ts
// proves under tsc that the copies are the same type both ways: change one, change the other.

export type ScalarType =
  "string" | "number" | "integer" | "boolean" | "int64" | "json" | "file";

export type ParamShape =
  | ScalarType
  | { items: ParamShape }
  | { anyOf: readonly ParamShape[] }
  | { properties: Readonly<Record<string, ParamShape>>; rest?: ParamShape };

export interface ParamSpec {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  type: ScalarType;
  array?: boolean;
  properties?: Readonly<Record<string, ScalarType>>;
  rest?: ScalarType;
  enum?: readonly (string | number | boolean)[];
  style?: string;
  explode?: boolean;
  delimiter?: string;
  contentType?: string;
  field?: boolean;
  shape?: ParamShape;
  anyOf?: readonly ParamSpec[];
  allowReserved?: boolean;
}

export interface RouteSpec {
  name: string;
  method: string;
  path: string;
  params: readonly ParamSpec[];
  body?: {
    required: boolean;
    mediaTypes: readonly string[];
    fields?: readonly ParamSpec[];
    rest?: ScalarType;
    whole?: readonly string[];
  };
  produces?: Readonly<Record<string, string>>;
  producesJson?: Readonly<Record<string, string>>;
  streams?: Readonly<Record<string, readonly string[]>>;
  scalars?: RouteScalars;
  when?: { in: "header" | "query"; name: string; value: string };
}

export interface RouteScalars {
  parse(text: string, what: "request"): unknown;
  stringify(value: unknown): string;
  revive<T extends object>(parts: T, mediaType?: string): T;
  wireAnswer(status: number, body: unknown, contentType?: string): unknown;
}
