// One session of the generated Stride client against a running example server, printed as one
// JSON document: what each call returned. test/compat/runtimes.test.ts runs it under Node (after
// tsc), Deno and Bun, copied beside a fresh generation laid out like the repository's.
// Usage: <runtime> stride-calls.ts <base URL> <bearer token>
import { ApiError, createClient } from "../../generated/client/index.js";

const [baseUrl, token] = process.argv.slice(2);
// the SDK features run too: a timeout, retries' defaults, and a middleware seeing each attempt
let attempts = 0;
const stride = createClient({
  baseUrl: baseUrl ?? "",
  auth: { token: token ?? "" },
  timeout: 30_000,
  middleware: [{ onRequest: () => void attempts++ }],
});

type Result = { ok: true; status: number; data: unknown } | Failure;
type Failure = { ok: false; status: number; error: unknown };

/** What a call came back with, as JSON can carry it. */
function outcome(result: Result): {
  ok: boolean;
  status: number;
  body: unknown;
} {
  return {
    ok: result.ok,
    status: result.status,
    body: result.ok ? result.data : result.error,
  };
}

/** The `id` of what a successful call returned. */
function idOf(result: Result): string {
  const id = result.ok
    ? (result.data as Record<string, unknown> | undefined)?.["id"]
    : undefined;
  if (typeof id !== "string")
    throw new Error(`no id in ${JSON.stringify(outcome(result))}`);
  return id;
}

const site = { cloudId: "site-1" };
const general = { ...site, conversationId: "conv-1" };

const sites = await stride.getAllHandler();
const conversations = await stride.conversationGetAllHandler({
  path: site,
  query: { "include-private": "true", limit: "1" },
});
const created = await stride.conversationPostHandler({
  path: site,
  body: { name: "compat" },
});
const read = await stride.siteConversationByCloudIdAndConversationIdGet({
  path: { ...site, conversationId: idOf(created) },
});
const sent = await stride.conversationMessagePostHandler({
  path: general,
  body: {
    body: {
      version: 1,
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "hi" }] }],
    },
  },
});
const message = await stride.conversationMessageGetHandler({
  path: { ...general, messageId: idOf(sent) },
});
const uploaded =
  await stride.siteConversationMediaByCloudIdAndConversationIdPost({
    path: general,
    query: { name: "notes.txt" },
  });
const downloaded =
  await stride.siteConversationMediaMediaIdByCloudIdAndConversationIdGet({
    path: { ...general, mediaId: idOf(uploaded) },
  });
// a Blob on one runtime, a string on another would be a bug; text either way
const contents = downloaded.ok
  ? await new Response(downloaded.data as Blob | string).text()
  : undefined;
const missing = await stride.siteConversationByCloudIdAndConversationIdGet({
  path: { ...site, conversationId: "nope" },
});
let thrown = "nothing thrown";
try {
  await stride.siteConversationByCloudIdAndConversationIdGet(
    { path: { ...site, conversationId: "nope" } },
    { throwOnError: true },
  );
} catch (error) {
  thrown =
    error instanceof ApiError
      ? `${error.name} ${error.status} ${error.operation}`
      : String(error);
}
let aborted = "not aborted";
try {
  await stride.getAllHandler({}, { signal: AbortSignal.abort() });
} catch (error) {
  aborted = (error as Error).name;
}

console.log(
  JSON.stringify({
    sites: outcome(sites),
    conversations: outcome(conversations),
    created: outcome(created),
    read: outcome(read),
    sent: outcome(sent),
    message: outcome(message),
    downloaded: {
      ...outcome(downloaded),
      body: contents,
      disposition: downloaded.response.headers.get("content-disposition"),
    },
    missing: outcome(missing),
    aborted,
    thrown,
    attempts,
  }),
);
