import { expect } from "vitest";

/** What the example server answers to the session, whoever runs either side. */
export function expectStrideSession(calls: Record<string, unknown>): void {
  expect(calls.sites).toEqual({
    ok: true,
    status: 200,
    body: { values: [{ id: "site-1", name: "Example Site" }] },
  });
  expect(calls.conversations).toMatchObject({
    ok: true,
    body: { size: 1, cursor: "1" },
  });
  expect(calls.created).toMatchObject({ ok: true, body: { type: "group" } });
  expect(calls.read).toEqual({
    ...(calls.created as object),
    status: 200,
  });
  expect(calls.sent).toMatchObject({
    ok: true,
    body: { conversationId: "conv-1" },
  });
  expect((calls.message as { body: unknown }).body).toEqual(
    (calls.sent as { body: unknown }).body,
  );
  expect(calls.downloaded).toEqual({
    ok: true,
    status: 200,
    body: "contents of notes.txt",
    disposition: 'attachment; filename="notes.txt"',
  });
  expect(calls.missing).toEqual({
    ok: false,
    status: 404,
    body: { error: "no conversation nope" },
  });
  expect(calls.aborted).toBe("AbortError");
  expect(calls.thrown).toBe(
    "ApiError 404 siteConversationByCloudIdAndConversationIdGet",
  );
  // every call's attempt went through the middleware, the aborted one included
  expect(calls.attempts).toBe(11);
}
