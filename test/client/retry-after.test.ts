/*
 * `Retry-After` as RFC 9110 writes it (§10.2.3): delay seconds, or an HTTP date in one of its
 * three forms, each in GMT (§5.6.7). The client read the date with Date.parse, which reads
 * asctime's form (`Sun Nov  6 08:49:37 1994`, no zone) in local time: west of Greenwich a date
 * 3 s ahead waited `maxDelay`, east of it none. And Date.parse reads what is no HTTP date as a
 * date long past: `-1`, `1.5` or `+5` retried at once, without the backoff. Found by the held-out
 * transport hunt (fast-check statuses and Retry-After values against the RFC's grammar: 40 of 400
 * runs waited otherwise, in UTC; 5 more of asctime's in America/Los_Angeles). The process's time
 * zone is changed here: the file is listed in test/isolated.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { json, sdkHarness } from "./sdk-harness.js";

const h = sdkHarness();
const pet = { path: { id: "1" } };
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "America/Los_Angeles";
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

/** The one wait after a 503 answered with `Retry-After: value`. */
async function waitFor(value: string): Promise<number> {
  h.server.received.length = 0;
  h.script = [json(503, {}, { "Retry-After": value }), json(200, {})];
  const { waits, options } = h.recorded({ retry: { delay: 100 } });
  await h.client.getPet(pet, options);
  expect(h.received).toHaveLength(2);
  return waits[0]!;
}

const two = (n: number) => String(n).padStart(2, "0");
/** `ms` in RFC 9110's three forms of an HTTP date. */
function forms(ms: number): string[] {
  const d = new Date(ms);
  const [day, date, month, year, time] = d.toUTCString().split(" ");
  const long = new Intl.DateTimeFormat("en", {
    weekday: "long",
    timeZone: "UTC",
  }).format(d);
  return [
    d.toUTCString(),
    `${long}, ${date}-${month}-${two(+year! % 100)} ${time} GMT`,
    `${day!.slice(0, 3)} ${month} ${String(+date!).padStart(2)} ${time} ${year}`,
  ];
}

describe("Retry-After", () => {
  test("RFC 9110's examples: 120 seconds, and a date past in each form waits none", async () => {
    expect(await waitFor("120")).toBe(30_000); // maxDelay
    for (const past of [
      "Fri, 31 Dec 1999 23:59:59 GMT",
      "Sun, 06 Nov 1994 08:49:37 GMT",
      "Sunday, 06-Nov-94 08:49:37 GMT",
      "Sun Nov  6 08:49:37 1994",
    ])
      expect(await waitFor(past)).toBe(0);
  });

  test.each(["IMF-fixdate", "RFC 850", "asctime"])(
    "a date 3 s ahead in %s form, GMT, waits until then",
    async (form) => {
      const soon = Math.ceil(Date.now() / 1000) * 1000 + 3000;
      const value =
        forms(soon)[["IMF-fixdate", "RFC 850", "asctime"].indexOf(form)]!;
      const ms = await waitFor(value);
      expect(ms).toBeGreaterThan(1000);
      expect(ms).toBeLessThanOrEqual(4000);
    },
  );

  test.each([
    "-1",
    "1.5",
    "+5",
    "1 2",
    "Wed, 02 Dec 2026 11:00:00",
    "2099-12-03",
  ])("%j is no delay nor an HTTP date: the backoff's wait", async (value) => {
    const ms = await waitFor(value);
    expect(ms).toBeGreaterThanOrEqual(50);
    expect(ms).toBeLessThan(100);
  });
});
