import { emitted } from "../emitted.js";
import { cpSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiModel } from "../../src/model/types.js";
import { loadModel } from "../../src/pipeline.js";
import { updateHandlersFile } from "./handlers-text.js";
import { outDir, typeCheck, writeFiles } from "./generated.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const EXAMPLE = join(REPO, "examples/stride-server");

/** A message document (specs/stride-messages.overlay.yaml): one paragraph a line. */
const doc = (...lines: string[]) => ({
  version: 1,
  type: "doc",
  content: lines.map((text) => ({
    type: "paragraph",
    content: [{ type: "text", text }],
  })),
});
/** Where an app's state applies (specs/stride-messaging.overlay.yaml). */
const context = { cloudId: "site-1", conversationId: "conv-1" };

// The example imports `../../generated/server/index.js`; it runs here against a fresh generation
// laid out the same way (generated/ and examples/stride-server/ side by side).
describe("the Stride example server with the generated client", () => {
  let model: ApiModel;
  let dir: string;
  let stop: () => Promise<void>;
  // every client function called, to prove all endpoints were exercised
  const called = new Set<string>();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let api: Record<string, (args?: unknown) => Promise<any>>;
  let baseUrl: string;

  beforeAll(async () => {
    const specs = readdirSync(join(REPO, "specs"))
      .sort()
      .map((f) => `specs/${f}`);
    model = loadModel(specs, { cwd: REPO });
    dir = outDir("stride");
    writeFiles(join(dir, "generated"), await emitted("client", model, {}));
    writeFiles(join(dir, "generated"), await emitted("server", model, {}));
    cpSync(EXAMPLE, join(dir, "examples/stride-server"), {
      recursive: true,
      // the sources only: the example's tsconfig extends the repository's
      filter: (path) => path === EXAMPLE || path.endsWith(".ts"),
    });
    const main = await import(
      pathToFileURL(join(dir, "examples/stride-server/main.ts")).href
    );
    const { server, url } = await main.startStrideServer();
    stop = () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    const { createClient } = await import(
      pathToFileURL(join(dir, "generated/client/index.ts")).href
    );
    baseUrl = url;
    const client = createClient({ baseUrl: url });
    api = new Proxy(client, {
      get(target, name: string) {
        called.add(name);
        return target[name];
      },
    });
  });
  afterAll(() => stop?.());

  it("implements every endpoint of the merged model", () => {
    expect(model.endpoints).toHaveLength(49);
    const { added, orphaned, changed, diagnostics } = updateHandlersFile({
      file: "examples/stride-server/handlers.ts",
      existing: readFileSync(join(EXAMPLE, "handlers.ts"), "utf8"),
      model,
      importFrom: "../../generated/server/index.js",
    });
    expect({ added, orphaned, changed, diagnostics }).toEqual({
      added: [],
      orphaned: [],
      changed: [],
      diagnostics: [],
    });
  });

  it("type-checks against the generated contracts, with the generated client", () => {
    expect(typeCheck(dir).output).toBe("");
  });

  const site = { cloudId: "site-1" };
  const general = { ...site, conversationId: "conv-1" };

  it("lists sites and conversations, and creates, reads, updates and archives one", async () => {
    const sites = await api.getAllHandler!();
    expect(sites.ok).toBe(true);
    expect(sites.data).toEqual({
      values: [{ id: "site-1", name: "Example Site" }],
    });

    const list = await api.conversationGetAllHandler!({
      path: site,
      query: {},
    });
    expect(list.data.values.map((c: { name: string }) => c.name)).toEqual([
      "general",
    ]);
    const withPrivate = await api.conversationGetAllHandler!({
      path: site,
      query: { "include-private": "true", limit: "1" },
    });
    expect(withPrivate.data).toMatchObject({ size: 1, cursor: "1" });

    const created = await api.conversationPostHandler!({
      path: site,
      body: { name: "design" },
    });
    expect(created.data).toMatchObject({
      id: "conv-3",
      type: "group",
      name: "design",
    });
    const id = { ...site, conversationId: created.data.id };
    const read = await api.siteConversationByCloudIdAndConversationIdGet!({
      path: id,
    });
    expect(read.data).toEqual(created.data);
    const patched = await api.siteConversationByCloudIdAndConversationIdPatch!({
      path: id,
      body: { name: "design review", privacy: "private" },
    });
    expect(patched.data).toMatchObject({
      version: 2,
      name: "design review",
      privacy: "private",
    });
    const archived =
      await api.siteConversationArchiveByCloudIdAndConversationIdPut!({
        path: id,
      });
    expect(archived.data.isArchived).toBe(true);
    const roster =
      await api.siteConversationRosterByCloudIdAndConversationIdGet!({
        path: general,
        query: { limit: "2" },
      });
    expect(roster.data).toMatchObject({
      values: ["user-me", "user-ada"],
      size: 2,
    });

    const missing = await api.siteConversationByCloudIdAndConversationIdGet!({
      path: { ...site, conversationId: "nope" },
    });
    expect(missing).toMatchObject({
      ok: false,
      status: 404,
      error: { error: "no conversation nope" },
    });
  });

  it("tells /message/recent from /message/{messageId} and works the message history", async () => {
    const sent = await api.conversationMessagePostHandler!({
      path: general,
      body: { body: doc("first line", "second line") },
    });
    expect(sent.data).toMatchObject({
      conversationId: "conv-1",
      text: "first line\nsecond line",
      edited: false,
    });
    const messageId = sent.data.id;

    const recent = await api.conversationMessagesRecentGetHandler!({
      path: general,
      query: { limit: 2 },
    });
    expect(recent.data.messages.map((m: { id: string }) => m.id)).toEqual([
      messageId,
      "msg-3",
    ]);

    const one = await api.conversationMessageGetHandler!({
      path: { ...general, messageId },
    });
    expect(one.data).toEqual(sent.data);

    const edited = await api.conversationMessagePutHandler!({
      path: { ...general, messageId },
      body: { body: doc("first line, edited") },
    });
    expect(edited.data).toMatchObject({
      id: messageId,
      text: "first line, edited",
      edited: true,
    });

    const history =
      await api.siteConversationMessageByCloudIdAndConversationIdGet!({
        path: general,
        query: { afterMessage: "msg-1", beforeMessage: messageId },
      });
    expect(history.data.messages.map((m: { text: string }) => m.text)).toEqual([
      "welcome to Stride",
      "lunch?",
    ]);

    const context =
      await api.siteConversationMessageMessageIdContextByCloudIdAndConversationIdGet!(
        {
          path: { ...general, messageId: "msg-2" },
          query: { before: 1, after: 1 },
        },
      );
    expect(context.data).toMatchObject({
      message: { text: "welcome to Stride" },
      before: [{ text: "hello" }],
      after: [{ text: "lunch?" }],
    });

    const deleted = await api.conversationMessageDeleteHandler!({
      path: { ...general, messageId },
    });
    expect(deleted.ok).toBe(true);
    const gone = await api.conversationMessageGetHandler!({
      path: { ...general, messageId },
    });
    expect(gone).toMatchObject({ ok: false, status: 404 });
  });

  it("keeps direct conversations and their messages", async () => {
    const user = { ...site, userId: "user-ada" };
    const direct = await api.conversationUserGetHandler!({ path: user });
    expect(direct.data).toMatchObject({ type: "direct", privacy: "private" });
    const again = await api.conversationUserGetHandler!({ path: user });
    expect(again.data.id).toBe(direct.data.id);

    const sent = await api.userMessagePostHandler!({
      path: user,
      body: { body: doc("hi Ada") },
    });
    expect(sent.data.conversationId).toBe(direct.data.id);
    const path = { ...user, messageId: sent.data.id };
    const edited = await api.userMessagePutHandler!({
      path,
      body: { body: doc("hi Ada!") },
    });
    expect(edited.data).toMatchObject({ text: "hi Ada!", edited: true });
    expect((await api.userMessageDeleteHandler!({ path })).ok).toBe(true);
    expect(await api.userMessageDeleteHandler!({ path })).toMatchObject({
      ok: false,
      status: 404,
    });
  });

  it("uploads, downloads and deletes media", async () => {
    const uploaded =
      await api.siteConversationMediaByCloudIdAndConversationIdPost!({
        path: general,
        query: { name: "notes.txt" },
      });
    expect(uploaded.data).toMatchObject({ name: "notes.txt" });
    const path = { ...general, mediaId: uploaded.data.id };
    const downloaded =
      await api.siteConversationMediaMediaIdByCloudIdAndConversationIdGet!({
        path,
      });
    expect(downloaded.ok).toBe(true);
    expect(downloaded.response.headers.get("content-disposition")).toBe(
      'attachment; filename="notes.txt"',
    );
    const body = downloaded.data;
    const text =
      typeof body === "string" ? body : await new Response(body).text();
    expect(text).toBe("contents of notes.txt");
    expect((await api.conversationMediaDeleteHandler!({ path })).ok).toBe(true);
    expect(await api.conversationMediaDeleteHandler!({ path })).toMatchObject({
      status: 404,
    });
  });

  // each module type: list (empty), put twice (version 2), list (one), delete, delete again (404)
  const MODULES: [string, string, string, string][] = [
    [
      "chat:actionTarget",
      "appModuleChatActionTargetGetAllHandler",
      "appModuleChatActionTargetPutHandler",
      "appModuleChatActionTargetDeleteHandler",
    ],
    [
      "chat:bot",
      "appWebhookChatBotGetAllHandler",
      "appWebhookChatBotPutHandler",
      "appWebhookChatBotDeleteHandler",
    ],
    [
      "chat:bot:messages",
      "appWebhookChatBotMessageGetAllHandler",
      "appWebhookChatBotMessagePutHandler",
      "appWebhookChatBotMessageDeleteHandler",
    ],
    [
      "chat:dialog",
      "appModuleChatDialogGetAllHandler",
      "appModuleChatDialogPutHandler",
      "appModuleChatDialogDeleteHandler",
    ],
    [
      "chat:externalPage",
      "appModuleChatExternalPageGetAllHandler",
      "appModuleChatExternalPagePutHandler",
      "appModuleChatExternalPageDeleteHandler",
    ],
    [
      "chat:glance",
      "appModuleChatGlanceGetAllHandler",
      "appModuleChatGlancePutHandler",
      "appModuleChatGlanceDeleteHandler",
    ],
    [
      "chat:sidebar",
      "appModuleChatSidebarGetAllHandler",
      "appModuleChatSidebarPutHandler",
      "appModuleChatSidebarDeleteHandler",
    ],
    [
      "chat:webhook",
      "appWebhookChatWebhookGetAllHandler",
      "appWebhookChatWebhookPutHandler",
      "appWebhookChatWebhookDeleteHandler",
    ],
  ];

  it.each(MODULES)(
    "manages %s app modules (literal colons in the route)",
    async (type, list, put, remove) => {
      const path = { ...general, key: "k1" };
      expect((await api[list]!({ path: general, query: {} })).data).toEqual({
        type,
        values: [],
        start: 0,
        limit: 50,
        size: 0,
      });
      await api[put]!({ path });
      expect((await api[put]!({ path })).data).toEqual({
        type,
        key: "k1",
        version: 2,
      });
      const listed = await api[list]!({
        path: general,
        query: { start: "0", limit: "5" },
      });
      expect(listed.data.values).toEqual([{ key: "k1", version: 2 }]);
      expect((await api[remove]!({ path })).data).toEqual({
        type,
        key: "k1",
        deleted: true,
      });
      expect(await api[remove]!({ path })).toMatchObject({
        ok: false,
        status: 404,
        error: { error: `no ${type} module k1` },
      });
    },
  );

  it("updates configuration and glance state, per conversation and app-wide", async () => {
    const path = { ...general, key: "cfg" };
    const config = await api.appModuleChatConfigurationPutHandler!({ path });
    expect(config.data).toMatchObject({
      type: "chat:configuration",
      key: "cfg",
    });
    const glance = await api.appModuleChatGlanceStatePutHandler!({
      path: { ...general, key: "g" },
    });
    expect(glance.data).toMatchObject({ type: "chat:glance", key: "g" });
    expect(glance.data.state).toBeGreaterThan(config.data.state);

    const appConfig =
      await api.appModuleChatConversationChatConfigurationStateByKeyPost!({
        path: { key: "cfg" },
        body: { context, configured: true },
      });
    expect(appConfig.data).toEqual({
      type: "chat:configuration",
      key: "cfg",
      updates: 1,
    });
    const glanceState = { context, label: { value: "3 open" } };
    await api.appModuleChatConversationChatGlanceStateByKeyPost!({
      path: { key: "g" },
      body: glanceState,
    });
    const appGlance =
      await api.appModuleChatConversationChatGlanceStateByKeyPost!({
        path: { key: "g" },
        body: glanceState,
      });
    expect(appGlance.data.updates).toBe(2);
  });

  it("tells the chat story with JSON bodies the seeds only hint at (examples/stride-server/chat-flow.ts)", async () => {
    const { chatFlow } = await import(
      pathToFileURL(join(dir, "examples/stride-server/chat-flow.ts")).href
    );
    const story = await chatFlow(baseUrl);
    expect(story.conversation.name).toBe("release planning");
    expect(story.sent.text).toBe("Ship it on Friday?");
    expect(story.recentIds[0]).toBe(story.sent.id);
    expect(story.readBack).toEqual(story.sent);
    expect(story.edited).toMatchObject({
      text: "Ship it on Saturday.",
      edited: true,
    });
    expect([story.deletedStatus, story.afterDeleteStatus]).toEqual([200, 404]);
    expect(story.roster).toEqual(["user-me"]);
  });

  it("exercised all 49 endpoints through the client", () => {
    expect([...called].filter((n) => n !== "then").sort()).toEqual(
      model.endpoints.map((e) => e.name).sort(),
    );
  });
});
