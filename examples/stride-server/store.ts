// The in-memory state of the example Stride server: sites, conversations (group and direct),
// messages, media, app modules. Ids and timestamps come from counters, so runs are repeatable.
import { HttpError } from "../../generated/server/index.js";

export interface Site {
  id: string;
  name: string;
}

export interface Message {
  id: string;
  conversationId: string;
  sender: string;
  text: string;
  /** A logical clock: the n-th event of the store. */
  ts: number;
  edited: boolean;
}

export interface Media {
  id: string;
  name: string;
  content: string;
}

export interface Conversation {
  id: string;
  siteId: string;
  name: string;
  type: "group" | "direct";
  privacy: "public" | "private";
  archived: boolean;
  version: number;
  members: string[];
  messages: Message[];
  media: Map<string, Media>;
  /** App modules by type (`chat:bot`, `chat:glance`, …), then key. */
  modules: Map<string, Map<string, ModuleEntry>>;
}

export interface ModuleEntry {
  key: string;
  version: number;
  state?: number;
}

/** The user the example acts as: the sender of every message it creates. */
export const ME = "user-me";

export class StrideStore {
  readonly sites = new Map<string, Site>();
  readonly conversations = new Map<string, Conversation>();
  /** App-level updates pushed to `chat:configuration` and `chat:glance` keys. */
  readonly appUpdates = new Map<string, number>();
  private clock = 0;

  tick(): number {
    return ++this.clock;
  }

  site(id: unknown): Site {
    const site = this.sites.get(String(id));
    if (!site) throw new HttpError(404, `no site ${String(id)}`);
    return site;
  }

  conversation(siteId: unknown, id: unknown): Conversation {
    this.site(siteId);
    const conversation = this.conversations.get(String(id));
    if (!conversation || conversation.siteId !== String(siteId))
      throw new HttpError(404, `no conversation ${String(id)}`);
    return conversation;
  }

  createConversation(
    siteId: string,
    init: Partial<Pick<Conversation, "name" | "type" | "privacy" | "members">>,
  ): Conversation {
    this.site(siteId);
    const id = `conv-${this.conversations.size + 1}`;
    const conversation: Conversation = {
      id,
      siteId,
      name: init.name ?? `Conversation ${this.conversations.size + 1}`,
      type: init.type ?? "group",
      privacy: init.privacy ?? "public",
      archived: false,
      version: 1,
      members: init.members ?? [ME],
      messages: [],
      media: new Map(),
      modules: new Map(),
    };
    this.conversations.set(id, conversation);
    return conversation;
  }

  /** The direct conversation between the example's user and `userId`, made on first use. */
  direct(siteId: unknown, userId: unknown): Conversation {
    this.site(siteId);
    for (const c of this.conversations.values())
      if (
        c.siteId === String(siteId) &&
        c.type === "direct" &&
        c.members.includes(String(userId))
      )
        return c;
    return this.createConversation(String(siteId), {
      name: `Direct with ${String(userId)}`,
      type: "direct",
      privacy: "private",
      members: [ME, String(userId)],
    });
  }

  post(conversation: Conversation, text?: string): Message {
    const ts = this.tick();
    const message: Message = {
      id: `msg-${ts}`,
      conversationId: conversation.id,
      sender: ME,
      text:
        text ??
        `Message ${conversation.messages.length + 1} in ${conversation.name}`,
      ts,
      edited: false,
    };
    conversation.messages.push(message);
    return message;
  }

  message(conversation: Conversation, id: unknown): Message {
    const found = conversation.messages.find((m) => m.id === String(id));
    if (!found) throw new HttpError(404, `no message ${String(id)}`);
    return found;
  }

  edit(conversation: Conversation, id: unknown, text?: string): Message {
    const message = this.message(conversation, id);
    message.text = text ?? `${message.text} (edited)`;
    message.edited = true;
    return message;
  }

  remove(conversation: Conversation, id: unknown): Message {
    const message = this.message(conversation, id);
    conversation.messages.splice(conversation.messages.indexOf(message), 1);
    return message;
  }

  modules(conversation: Conversation, type: string): Map<string, ModuleEntry> {
    let entries = conversation.modules.get(type);
    if (!entries) conversation.modules.set(type, (entries = new Map()));
    return entries;
  }
}

/** A store with one site, a public and a private conversation and a short history. */
export function createStore(): StrideStore {
  const store = new StrideStore();
  store.sites.set("site-1", { id: "site-1", name: "Example Site" });
  const general = store.createConversation("site-1", {
    name: "general",
    members: [ME, "user-ada", "user-linus"],
  });
  store.createConversation("site-1", { name: "planning", privacy: "private" });
  for (const text of ["hello", "welcome to Stride", "lunch?"])
    store.post(general, text);
  return store;
}

/** `start` and `limit` query values (strings on the wire) applied to a list. */
export function page<T>(
  items: readonly T[],
  query: { start?: unknown; limit?: unknown },
): { values: T[]; start: number; limit: number; size: number } {
  const start = toInt(query.start, 0);
  const limit = toInt(query.limit, 50);
  const values = items.slice(start, start + limit);
  return { values, start, limit, size: values.length };
}

export function toInt(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new HttpError(400, `${JSON.stringify(value)} is not a count`);
  return n;
}

/** A node of a message document (Atlassian Document Format), as far as reading its text needs. */
interface DocumentNode {
  type: string;
  text?: string;
  content?: DocumentNode[];
}

/**
 * The text of a message document: its text nodes in order, one line per top-level block (the
 * message bodies come from specs/stride-messages.overlay.yaml, which the seeds leave out).
 */
export function documentText(document: { content: DocumentNode[] }): string {
  const words = (node: DocumentNode): string =>
    (node.text ?? "") + (node.content ?? []).map(words).join("");
  return document.content.map(words).join("\n");
}

/**
 * A string member of a request body the seeds do not describe (`unknown` to the handlers): a
 * message's `text`, a conversation's `name`. Undefined when the body has no such string.
 */
export function textField(body: unknown, key: string): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const value = (body as Record<string, unknown>)[key];
  return typeof value === "string" ? value : undefined;
}
