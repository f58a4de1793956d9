// The Stride story through the generated client: create a conversation, send a message, read it
// back (the recent list and by id), edit it, delete it, read the roster.
// test/server/stride-example.test.ts runs it against the example server; `tsc` checks that the
// client takes these bodies and these path values. The seeds describe no body: the types come
// from specs/stride-messages.overlay.yaml and specs/stride-messaging.overlay.yaml.
import { createClient } from "../../generated/client/index.js";
import type { MessageDocument } from "../../generated/types.js";

/** A message of one paragraph of plain text, as Stride's documents hold it. */
export function paragraph(text: string): MessageDocument {
  return {
    version: 1,
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text }] }],
  };
}

export interface ChatFlowResult {
  conversation: { id: string; name: string };
  sent: { id: string; text: string };
  recentIds: string[];
  readBack: { id: string; text: string };
  edited: { text: string; edited: boolean };
  deletedStatus: number;
  afterDeleteStatus: number;
  roster: string[];
}

function data<T>(result: { ok: boolean; status: number; data?: unknown }): T {
  if (!result.ok) throw new Error(`the server answered ${result.status}`);
  return result.data as T;
}

export async function chatFlow(baseUrl: string): Promise<ChatFlowResult> {
  const api = createClient({ baseUrl });
  const site = { cloudId: "site-1" };

  const conversation = data<{ id: string; name: string }>(
    await api.conversationPostHandler({
      path: site,
      body: { name: "release planning", privacy: "public" },
    }),
  );
  const path = { ...site, conversationId: conversation.id };

  const sent = data<{ id: string; text: string }>(
    await api.conversationMessagePostHandler({
      path,
      body: { body: paragraph("Ship it on Friday?") },
    }),
  );
  const recent = data<{ messages: { id: string }[] }>(
    await api.conversationMessagesRecentGetHandler({
      path,
      query: { limit: 5 },
    }),
  );
  const readBack = data<{ id: string; text: string }>(
    await api.conversationMessageGetHandler({
      path: { ...path, messageId: sent.id },
    }),
  );
  const edited = data<{ text: string; edited: boolean }>(
    await api.conversationMessagePutHandler({
      path: { ...path, messageId: sent.id },
      body: { body: paragraph("Ship it on Saturday.") },
    }),
  );
  const deleted = await api.conversationMessageDeleteHandler({
    path: { ...path, messageId: sent.id },
  });
  const afterDelete = await api.conversationMessageGetHandler({
    path: { ...path, messageId: sent.id },
  });
  const roster = data<{ values: string[] }>(
    await api.siteConversationRosterByCloudIdAndConversationIdGet({
      path,
      query: {},
    }),
  );
  return {
    conversation,
    sent,
    recentIds: recent.messages.map((m) => m.id),
    readBack,
    edited,
    deletedStatus: deleted.status,
    afterDeleteStatus: afterDelete.status,
    roster: roster.values,
  };
}
