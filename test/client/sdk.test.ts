import { describe, expect, test } from "vitest";
import { json, sdkHarness } from "./sdk-harness.js";

const h = sdkHarness();

describe("results narrowed by status", () => {
  test("a declared status is ok with its data; a declared error is not", async () => {
    const { options } = h.recorded();
    expect(await h.client.getPet({ path: { id: "1" } }, options)).toMatchObject(
      {
        ok: true,
        status: 200,
        data: { id: "1", name: "Rex" },
      },
    );
    h.script = [json(404, { missing: "1" })];
    expect(await h.client.getPet({ path: { id: "1" } }, options)).toMatchObject(
      {
        ok: false,
        status: 404,
        error: { missing: "1" },
      },
    );
  });

  test("a 2XX status the description does not declare is not ok", async () => {
    h.script = [json(202, { queued: true })];
    const { options } = h.recorded();
    const r = await h.client.getPet({ path: { id: "1" } }, options);
    expect(r).toMatchObject({
      ok: false,
      status: 202,
      error: { queued: true },
    });
    // `default` declares every status; no response at all says nothing either way
    expect(
      await h.client.createPet({ body: { id: "1", name: "R" } }, options),
    ).toMatchObject({ ok: true, status: 202 });
    expect(await h.client.ping(undefined, options)).toMatchObject({
      ok: true,
      status: 202,
    });
  });

  test("throwOnError resolves to the data, and throws ApiError with status, body, response and operation", async () => {
    const { options } = h.recorded({ throwOnError: true });
    expect(await h.client.getPet({ path: { id: "1" } }, options)).toEqual({
      id: "1",
      name: "Rex",
    });
    h.script = [json(404, { missing: "1" })];
    const error = await h.client
      .getPet({ path: { id: "1" } }, options)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(h.client["ApiError"]);
    expect(error).toMatchObject({
      name: "ApiError",
      status: 404,
      body: { missing: "1" },
      operation: "getPet",
    });
    expect((error as { response: Response }).response.status).toBe(404);
  });

  test("throwOnError per client, and a call turns it off", async () => {
    h.script = [json(404, { missing: "1" })];
    const api = h.client.createClient({
      baseUrl: h.server.baseUrl,
      throwOnError: true,
    });
    await expect(api.getPet!({ path: { id: "1" } })).rejects.toMatchObject({
      status: 404,
    });
    expect(
      await api.getPet!({ path: { id: "1" } }, { throwOnError: false }),
    ).toMatchObject({ ok: false, status: 404 });
  });
});
