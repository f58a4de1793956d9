// Your implementation of the API's handlers. apiloom wrote this file once; when the API
// description changes it only adds stubs (answering 501) for new endpoints and reports
// handlers whose endpoint is gone or whose contract changed. It never edits your code.
import {
  HttpError,
  type HandlerSignatures,
  type Handlers,
} from "../../generated/server/index.js";
import {
  createStore,
  documentText,
  page,
  toInt,
  type Conversation,
  type Message,
} from "./store.js";

// The seeds describe no request bodies; specs/*.overlay.yaml give the messages' and the
// conversations' theirs, so those reach the handlers typed. The other bodies are `unknown`.
export const store = createStore();

const ok = <T>(body: T) => ({ status: 200 as const, body });

interface ConversationPath {
  cloudId: unknown;
  conversationId: unknown;
}

const conversationOf = (path: ConversationPath) =>
  store.conversation(path.cloudId, path.conversationId);

const view = (c: Conversation) => ({
  id: c.id,
  name: c.name,
  type: c.type,
  privacy: c.privacy,
  isArchived: c.archived,
  version: c.version,
  memberCount: c.members.length,
});

/** App modules of one type: list, create or update by key, delete by key. */
function modules(type: string) {
  return {
    list: async (request: {
      path: ConversationPath;
      query: { start?: unknown; limit?: unknown };
    }) => {
      const entries = store.modules(conversationOf(request.path), type);
      return ok({ type, ...page([...entries.values()], request.query) });
    },
    put: async ({ path }: { path: ConversationPath & { key: unknown } }) => {
      const entries = store.modules(conversationOf(path), type);
      const key = String(path.key);
      const entry = entries.get(key) ?? { key, version: 0 };
      entry.version += 1;
      entries.set(key, entry);
      return ok({ type, ...entry });
    },
    remove: async ({ path }: { path: ConversationPath & { key: unknown } }) => {
      const entries = store.modules(conversationOf(path), type);
      if (!entries.delete(String(path.key)))
        throw new HttpError(404, `no ${type} module ${String(path.key)}`);
      return ok({ type, key: String(path.key), deleted: true });
    },
    state: async ({ path }: { path: ConversationPath & { key: unknown } }) => {
      const entries = store.modules(conversationOf(path), type);
      const key = String(path.key);
      const entry = entries.get(key) ?? { key, version: 1 };
      entry.state = store.tick();
      entries.set(key, entry);
      return ok({ type, ...entry });
    },
  };
}

const actionTarget = modules("chat:actionTarget");
const bot = modules("chat:bot");
const botMessages = modules("chat:bot:messages");
const configuration = modules("chat:configuration");
const dialog = modules("chat:dialog");
const externalPage = modules("chat:externalPage");
const glance = modules("chat:glance");
const sidebar = modules("chat:sidebar");
const webhook = modules("chat:webhook");

/** An update an app pushes to every conversation that shows the module. */
function appUpdate(type: string) {
  return async ({ path }: { path: { key: unknown } }) => {
    const id = `${type}/${String(path.key)}`;
    const count = (store.appUpdates.get(id) ?? 0) + 1;
    store.appUpdates.set(id, count);
    return ok({ type, key: String(path.key), updates: count });
  };
}

function messagesBetween(
  messages: readonly Message[],
  query: {
    afterMessage?: unknown;
    beforeMessage?: unknown;
    afterTimestamp?: unknown;
    beforeTimestamp?: unknown;
  },
): Message[] {
  const tsOf = (id: unknown) =>
    messages.find((m) => m.id === String(id))?.ts ??
    (() => {
      throw new HttpError(400, `no message ${String(id)}`);
    })();
  const after = Math.max(
    query.afterMessage === undefined ? -Infinity : tsOf(query.afterMessage),
    query.afterTimestamp === undefined
      ? -Infinity
      : toInt(query.afterTimestamp, 0),
  );
  const before = Math.min(
    query.beforeMessage === undefined ? Infinity : tsOf(query.beforeMessage),
    query.beforeTimestamp === undefined
      ? Infinity
      : toInt(query.beforeTimestamp, 0),
  );
  return messages.filter((m) => m.ts > after && m.ts < before);
}

export const handlers = {
  // POST /app/module/chat/conversation/chat:configuration/{key}/state: Send app configuration updates
  appModuleChatConversationChatConfigurationStateByKeyPost:
    appUpdate("chat:configuration"),
  // POST /app/module/chat/conversation/chat:glance/{key}/state: Send glance updates
  appModuleChatConversationChatGlanceStateByKeyPost: appUpdate("chat:glance"),
  // GET /site/: Get list of sites
  getAllHandler: async () => ok({ values: [...store.sites.values()] }),
  // GET /site/{cloudId}/conversation: Get conversation list for site
  conversationGetAllHandler: async ({ path, query }) => {
    store.site(path.cloudId);
    const text = query.query?.toLowerCase();
    const list = [...store.conversations.values()]
      .filter((c) => c.siteId === String(path.cloudId))
      .filter((c) => query["include-archived"] === "true" || !c.archived)
      .filter(
        (c) => query["include-private"] === "true" || c.privacy === "public",
      )
      .filter((c) => query["exclude-direct"] !== "true" || c.type !== "direct")
      .filter((c) => text === undefined || c.name.toLowerCase().includes(text))
      .sort((a, b) =>
        query.sort === "name" ? a.name.localeCompare(b.name) : 0,
      );
    const start = toInt(query.cursor, 0);
    const { values, limit } = page(list, { start, limit: query.limit });
    const next = start + values.length;
    return ok({
      values: values.map(view),
      limit,
      size: values.length,
      cursor: next < list.length ? String(next) : undefined,
    });
  },
  // POST /site/{cloudId}/conversation: Create conversation
  conversationPostHandler: async ({ path, body }) =>
    ok(
      view(
        store.createConversation(String(path.cloudId), {
          name: body.name,
          ...(body.privacy !== undefined ? { privacy: body.privacy } : {}),
        }),
      ),
    ),
  // GET /site/{cloudId}/conversation/user/{userId}: Get a direct conversation of a user
  conversationUserGetHandler: async ({ path }) =>
    ok(view(store.direct(path.cloudId, path.userId))),
  // POST /site/{cloudId}/conversation/user/{userId}/message: Send message to a user
  userMessagePostHandler: async ({ path, body }) =>
    ok(
      store.post(
        store.direct(path.cloudId, path.userId),
        documentText(body.body),
      ),
    ),
  // PUT /site/{cloudId}/conversation/user/{userId}/message/{messageId}: Edit a message in a direct conversation
  userMessagePutHandler: async ({ path, body }) =>
    ok(
      store.edit(
        store.direct(path.cloudId, path.userId),
        path.messageId,
        documentText(body.body),
      ),
    ),
  // DELETE /site/{cloudId}/conversation/user/{userId}/message/{messageId}: Delete a message in a direct conversation
  userMessageDeleteHandler: async ({ path }) =>
    ok(store.remove(store.direct(path.cloudId, path.userId), path.messageId)),
  // GET /site/{cloudId}/conversation/{conversationId}: Get conversation details
  siteConversationByCloudIdAndConversationIdGet: async ({ path }) =>
    ok(view(conversationOf(path))),
  // PATCH /site/{cloudId}/conversation/{conversationId}: Update conversation
  siteConversationByCloudIdAndConversationIdPatch: async ({ path, body }) => {
    const conversation = conversationOf(path);
    conversation.name = body.name ?? conversation.name;
    conversation.privacy = body.privacy ?? conversation.privacy;
    conversation.version += 1;
    return ok(view(conversation));
  },
  // GET /site/{cloudId}/conversation/{conversationId}/app/module/chat:actionTarget: AppModuleChatActionTargetGetAllHandler
  appModuleChatActionTargetGetAllHandler: actionTarget.list,
  // PUT /site/{cloudId}/conversation/{conversationId}/app/module/chat:actionTarget/{key}: AppModuleChatActionTargetPutHandler
  appModuleChatActionTargetPutHandler: actionTarget.put,
  // DELETE /site/{cloudId}/conversation/{conversationId}/app/module/chat:actionTarget/{key}: AppModuleChatActionTargetDeleteHandler
  appModuleChatActionTargetDeleteHandler: actionTarget.remove,
  // GET /site/{cloudId}/conversation/{conversationId}/app/module/chat:bot: AppWebhookChatBotGetAllHandler
  appWebhookChatBotGetAllHandler: bot.list,
  // PUT /site/{cloudId}/conversation/{conversationId}/app/module/chat:bot/{key}: AppWebhookChatBotPutHandler
  appWebhookChatBotPutHandler: bot.put,
  // DELETE /site/{cloudId}/conversation/{conversationId}/app/module/chat:bot/{key}: AppWebhookChatBotDeleteHandler
  appWebhookChatBotDeleteHandler: bot.remove,
  // GET /site/{cloudId}/conversation/{conversationId}/app/module/chat:bot:messages: AppWebhookChatBotMessageGetAllHandler
  appWebhookChatBotMessageGetAllHandler: botMessages.list,
  // PUT /site/{cloudId}/conversation/{conversationId}/app/module/chat:bot:messages/{key}: AppWebhookChatBotMessagePutHandler
  appWebhookChatBotMessagePutHandler: botMessages.put,
  // DELETE /site/{cloudId}/conversation/{conversationId}/app/module/chat:bot:messages/{key}: AppWebhookChatBotMessageDeleteHandler
  appWebhookChatBotMessageDeleteHandler: botMessages.remove,
  // PUT /site/{cloudId}/conversation/{conversationId}/app/module/chat:configuration/{key}/state: AppModuleChatConfigurationPutHandler
  appModuleChatConfigurationPutHandler: configuration.state,
  // GET /site/{cloudId}/conversation/{conversationId}/app/module/chat:dialog: AppModuleChatDialogGetAllHandler
  appModuleChatDialogGetAllHandler: dialog.list,
  // PUT /site/{cloudId}/conversation/{conversationId}/app/module/chat:dialog/{key}: AppModuleChatDialogPutHandler
  appModuleChatDialogPutHandler: dialog.put,
  // DELETE /site/{cloudId}/conversation/{conversationId}/app/module/chat:dialog/{key}: AppModuleChatDialogDeleteHandler
  appModuleChatDialogDeleteHandler: dialog.remove,
  // GET /site/{cloudId}/conversation/{conversationId}/app/module/chat:externalPage: AppModuleChatExternalPageGetAllHandler
  appModuleChatExternalPageGetAllHandler: externalPage.list,
  // PUT /site/{cloudId}/conversation/{conversationId}/app/module/chat:externalPage/{key}: AppModuleChatExternalPagePutHandler
  appModuleChatExternalPagePutHandler: externalPage.put,
  // DELETE /site/{cloudId}/conversation/{conversationId}/app/module/chat:externalPage/{key}: AppModuleChatExternalPageDeleteHandler
  appModuleChatExternalPageDeleteHandler: externalPage.remove,
  // GET /site/{cloudId}/conversation/{conversationId}/app/module/chat:glance: AppModuleChatGlanceGetAllHandler
  appModuleChatGlanceGetAllHandler: glance.list,
  // PUT /site/{cloudId}/conversation/{conversationId}/app/module/chat:glance/{key}: AppModuleChatGlancePutHandler
  appModuleChatGlancePutHandler: glance.put,
  // DELETE /site/{cloudId}/conversation/{conversationId}/app/module/chat:glance/{key}: AppModuleChatGlanceDeleteHandler
  appModuleChatGlanceDeleteHandler: glance.remove,
  // PUT /site/{cloudId}/conversation/{conversationId}/app/module/chat:glance/{key}/state: AppModuleChatGlanceStatePutHandler
  appModuleChatGlanceStatePutHandler: glance.state,
  // GET /site/{cloudId}/conversation/{conversationId}/app/module/chat:sidebar: AppModuleChatSidebarGetAllHandler
  appModuleChatSidebarGetAllHandler: sidebar.list,
  // PUT /site/{cloudId}/conversation/{conversationId}/app/module/chat:sidebar/{key}: AppModuleChatSidebarPutHandler
  appModuleChatSidebarPutHandler: sidebar.put,
  // DELETE /site/{cloudId}/conversation/{conversationId}/app/module/chat:sidebar/{key}: AppModuleChatSidebarDeleteHandler
  appModuleChatSidebarDeleteHandler: sidebar.remove,
  // GET /site/{cloudId}/conversation/{conversationId}/app/module/chat:webhook: AppWebhookChatWebhookGetAllHandler
  appWebhookChatWebhookGetAllHandler: webhook.list,
  // PUT /site/{cloudId}/conversation/{conversationId}/app/module/chat:webhook/{key}: AppWebhookChatWebhookPutHandler
  appWebhookChatWebhookPutHandler: webhook.put,
  // DELETE /site/{cloudId}/conversation/{conversationId}/app/module/chat:webhook/{key}: AppWebhookChatWebhookDeleteHandler
  appWebhookChatWebhookDeleteHandler: webhook.remove,
  // PUT /site/{cloudId}/conversation/{conversationId}/archive: Archive conversation
  siteConversationArchiveByCloudIdAndConversationIdPut: async ({ path }) => {
    const conversation = conversationOf(path);
    conversation.archived = true;
    return ok(view(conversation));
  },
  // POST /site/{cloudId}/conversation/{conversationId}/media: Upload a file
  siteConversationMediaByCloudIdAndConversationIdPost: async ({
    path,
    query,
  }) => {
    const conversation = conversationOf(path);
    const id = `media-${store.tick()}`;
    const name = query.name ?? `${id}.txt`;
    const media = { id, name, content: `contents of ${name}` };
    conversation.media.set(id, media);
    return ok({ id, name, size: media.content.length });
  },
  // GET /site/{cloudId}/conversation/{conversationId}/media/{mediaId}: Get a file
  siteConversationMediaMediaIdByCloudIdAndConversationIdGet: async ({
    path,
  }) => {
    const media = conversationOf(path).media.get(String(path.mediaId));
    if (!media) throw new HttpError(404, `no media ${String(path.mediaId)}`);
    return {
      status: 200,
      body: new TextEncoder().encode(media.content),
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "content-disposition": `attachment; filename=${JSON.stringify(media.name)}`,
      },
    };
  },
  // DELETE /site/{cloudId}/conversation/{conversationId}/media/{mediaId}: ConversationMediaDeleteHandler
  conversationMediaDeleteHandler: async ({ path }) => {
    const conversation = conversationOf(path);
    if (!conversation.media.delete(String(path.mediaId)))
      throw new HttpError(404, `no media ${String(path.mediaId)}`);
    return ok({ id: String(path.mediaId), deleted: true });
  },
  // GET /site/{cloudId}/conversation/{conversationId}/message: Get conversation history
  siteConversationMessageByCloudIdAndConversationIdGet: async ({
    path,
    query,
  }) => {
    const between = messagesBetween(conversationOf(path).messages, query);
    const limit = toInt(query.limit, 75);
    return ok({ messages: between.slice(-limit), limit });
  },
  // POST /site/{cloudId}/conversation/{conversationId}/message: Send a message to a conversation
  conversationMessagePostHandler: async ({ path, body }) =>
    ok(store.post(conversationOf(path), documentText(body.body))),
  // GET /site/{cloudId}/conversation/{conversationId}/message/recent: Get latest messages for conversation
  conversationMessagesRecentGetHandler: async ({ path, query }) => {
    const limit = Math.min(toInt(query.limit, 75), 75);
    const messages = conversationOf(path).messages.slice(-limit).reverse();
    return ok({ messages, limit });
  },
  // GET /site/{cloudId}/conversation/{conversationId}/message/{messageId}: Get Message by id
  conversationMessageGetHandler: async ({ path }) =>
    ok(store.message(conversationOf(path), path.messageId)),
  // PUT /site/{cloudId}/conversation/{conversationId}/message/{messageId}: Edit a message in a conversation
  // the seeds describe no body here; specs/stride-messages.overlay.yaml gives the new document
  conversationMessagePutHandler: async ({ path, body }) =>
    ok(
      store.edit(conversationOf(path), path.messageId, documentText(body.body)),
    ),
  // DELETE /site/{cloudId}/conversation/{conversationId}/message/{messageId}: Delete a message in a conversation
  conversationMessageDeleteHandler: async ({ path }) =>
    ok(store.remove(conversationOf(path), path.messageId)),
  // GET /site/{cloudId}/conversation/{conversationId}/message/{messageId}/context: Get conversation history contextually
  siteConversationMessageMessageIdContextByCloudIdAndConversationIdGet: async ({
    path,
    query,
  }) => {
    const { messages } = conversationOf(path);
    const message = store.message(conversationOf(path), path.messageId);
    const at = messages.indexOf(message);
    const before = toInt(query.before, 5);
    const after = toInt(query.after, 5);
    return ok({
      message,
      before: messages.slice(Math.max(0, at - before), at),
      after: messages.slice(at + 1, at + 1 + after),
    });
  },
  // GET /site/{cloudId}/conversation/{conversationId}/roster: Get conversation roster
  siteConversationRosterByCloudIdAndConversationIdGet: async ({
    path,
    query,
  }) => ok(page(conversationOf(path).members, query)),
} satisfies Handlers;

/**
 * The contract each handler above was written for. When apiloom reports a changed contract
 * (tsc flags the entry here too), review the handler, then run apiloom generate --accept-changes.
 */
export const signatures = {
  appModuleChatConversationChatConfigurationStateByKeyPost: "e5384f0717",
  appModuleChatConversationChatGlanceStateByKeyPost: "4c79cd1f9b",
  getAllHandler: "461e927476",
  conversationGetAllHandler: "2a40a0b3cc",
  conversationPostHandler: "a68db16b24",
  conversationUserGetHandler: "ac20bf897a",
  userMessagePostHandler: "480bff9e2a",
  userMessagePutHandler: "c248a2975e",
  userMessageDeleteHandler: "24e607d3b3",
  siteConversationByCloudIdAndConversationIdGet: "8ead230dbb",
  siteConversationByCloudIdAndConversationIdPatch: "955bb878bf",
  appModuleChatActionTargetGetAllHandler: "bff2b0f477",
  appModuleChatActionTargetPutHandler: "40a92e7fb6",
  appModuleChatActionTargetDeleteHandler: "74af5ae71a",
  appWebhookChatBotGetAllHandler: "bff2b0f477",
  appWebhookChatBotPutHandler: "40a92e7fb6",
  appWebhookChatBotDeleteHandler: "74af5ae71a",
  appWebhookChatBotMessageGetAllHandler: "bff2b0f477",
  appWebhookChatBotMessagePutHandler: "40a92e7fb6",
  appWebhookChatBotMessageDeleteHandler: "74af5ae71a",
  appModuleChatConfigurationPutHandler: "40a92e7fb6",
  appModuleChatDialogGetAllHandler: "bff2b0f477",
  appModuleChatDialogPutHandler: "40a92e7fb6",
  appModuleChatDialogDeleteHandler: "74af5ae71a",
  appModuleChatExternalPageGetAllHandler: "bff2b0f477",
  appModuleChatExternalPagePutHandler: "40a92e7fb6",
  appModuleChatExternalPageDeleteHandler: "74af5ae71a",
  appModuleChatGlanceGetAllHandler: "bff2b0f477",
  appModuleChatGlancePutHandler: "40a92e7fb6",
  appModuleChatGlanceDeleteHandler: "74af5ae71a",
  appModuleChatGlanceStatePutHandler: "40a92e7fb6",
  appModuleChatSidebarGetAllHandler: "bff2b0f477",
  appModuleChatSidebarPutHandler: "40a92e7fb6",
  appModuleChatSidebarDeleteHandler: "74af5ae71a",
  appWebhookChatWebhookGetAllHandler: "bff2b0f477",
  appWebhookChatWebhookPutHandler: "40a92e7fb6",
  appWebhookChatWebhookDeleteHandler: "74af5ae71a",
  siteConversationArchiveByCloudIdAndConversationIdPut: "ec0902d173",
  siteConversationMediaByCloudIdAndConversationIdPost: "55b487ad89",
  siteConversationMediaMediaIdByCloudIdAndConversationIdGet: "c4b1455182",
  conversationMediaDeleteHandler: "c4b1455182",
  siteConversationMessageByCloudIdAndConversationIdGet: "7fd8fbb33f",
  conversationMessagePostHandler: "7d1d8aa095",
  conversationMessagesRecentGetHandler: "150815d403",
  conversationMessageGetHandler: "2206e92214",
  conversationMessagePutHandler: "64978430ed",
  conversationMessageDeleteHandler: "2206e92214",
  siteConversationMessageMessageIdContextByCloudIdAndConversationIdGet:
    "b7f76f1412",
  siteConversationRosterByCloudIdAndConversationIdGet: "cb0846c74a",
} satisfies HandlerSignatures;
