// @ts-check
// apiloom template: the fixed parts of query/index.ts, written into it as they are (the file
// imports nothing at run time): the option shapes, the error a failed call throws, and the
// helpers. Copy it into your templates folder (query/index.js) to change them.

/** The template contract this file is written for (apiloom refuses another). */
export const contract = 1;

/** The types every file has: what the factories take and return, and the error they throw. */
export const preamble = `/** The generated client: \`createClient(...)\`, or any object with its endpoint functions. */
export type Client = ReturnType<typeof createClient<false>>;

/** TanStack Query's \`queryOptions\` shape: give it to \`fetchQuery\`, \`useQuery\`… */
export interface QueryOptions<TData, TKey extends readonly unknown[]> {
  queryKey: TKey;
  queryFn: (context: { signal: AbortSignal }) => Promise<QueryData<TData>>;
}

/** TanStack Query's \`infiniteQueryOptions\` shape: give it to \`fetchInfiniteQuery\`… */
export interface InfiniteQueryOptions<
  TData,
  TPageParam,
  TKey extends readonly unknown[],
> {
  queryKey: TKey;
  queryFn: (context: {
    signal: AbortSignal;
    pageParam: TPageParam;
  }) => Promise<QueryData<TData>>;
  initialPageParam: TPageParam;
  getNextPageParam: (lastPage: TData) => TPageParam | undefined;
}

/** TanStack Query's \`mutationOptions\` shape: give it to \`MutationObserver\`, \`useMutation\`… */
export interface MutationOptions<TData, TVariables> {
  mutationKey: readonly [string];
  mutationFn: (variables: TVariables) => Promise<QueryData<TData>>;
}

/**
 * The data of a success as a query holds it: TanStack Query refuses undefined (\`data is
 * undefined\`), so an answer without a body (204, or a status that declares none) is null.
 */
export type QueryData<T> = undefined extends T
  ? Exclude<T, undefined> | null
  : T;

/**
 * What a query or mutation function throws when the answer is not 2XX: its status, its typed
 * body (\`error\`) and the \`Response\`. Network failures and aborts reject as \`fetch\` does.
 */
export class ErrorResponse extends Error {
  readonly status: number;
  readonly error: unknown;
  readonly response: Response;

  constructor(status: number, error: unknown, response: Response) {
    super(\`The server answered \${status}\`);
    this.name = "ErrorResponse";
    this.status = status;
    this.error = error;
    this.response = response;
  }
}
`;

/** The helper every factory calls. */
export const helpers = `/**
 * The data of a success, typed as the client types it (every \`ok: true\` branch of its result)
 * but undefined as null (\`QueryData\`); any other status throws an ErrorResponse.
 */
async function dataOf<TResult extends ApiResult<unknown, unknown>>(
  call: Promise<TResult>,
): Promise<QueryData<Extract<TResult, { ok: true }>["data"]>> {
  const result = await call;
  if (!result.ok)
    throw new ErrorResponse(result.status, result.error, result.response);
  return (result.data === undefined ? null : result.data) as QueryData<
    Extract<TResult, { ok: true }>["data"]
  >;
}
`;

/**
 * The helpers of query keys, when an endpoint has arguments. With `scalars` (the client revives
 * values: config `dates: "Date"`, `int64: "bigint"`) a key holds Dates and bigints as text:
 * TanStack Query hashes a key with JSON.stringify, which throws on a bigint, and matches a
 * partial key member by member, for which two Dates (no members of their own) are always alike;
 * the key's type says so (`KeyArgs`).
 * @param {boolean} scalars
 * @returns {string}
 */
export function keyHelpers(scalars) {
  const keyArgs = scalars ? "KeyArgs<T>" : "T";
  return `${
    scalars
      ? `/**
 * An argument as a query key holds it: a Date as its ISO text, a bigint as its digits, so that
 * the key hashes (JSON) and compares member by member.
 */
export type KeyArgs<T> = T extends Date | bigint
  ? string
  : T extends Blob
    ? T
    : T extends object
      ? { [K in keyof T]: KeyArgs<T[K]> }
      : T;

`
      : ""
  }/**
 * \`args\` as it goes into a query key: members that are undefined, and parameter groups left
 * empty, are dropped and object members sorted, ${
   scalars
     ? "Dates and bigints as text (an invalid Date\n * throws), so equal arguments give equal keys."
     : "so equal arguments give equal keys."
 }
 */
function keyArgs<T extends object>(args: T): ${keyArgs} {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(canonical(args) as object))
    if (!isPlainObject(value) || Object.keys(value).length > 0)
      out[name] = value;
  return out as ${keyArgs};
}

/** \`value\` with the members of its plain objects sorted and those that are undefined dropped. */
function canonical(value: unknown): unknown {
${
  scalars
    ? `  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return String(value);
`
    : ""
}  if (Array.isArray(value)) return value.map(canonical);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(value).sort()) {
    const member = canonical(value[name]);
    if (member !== undefined) out[name] = member;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
`;
}
