import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareModels } from "../../src/diff/compare.js";
import { CHANGE_RULES } from "../../src/diff/rules.js";
import { FIXTURES, line, load } from "./helpers.js";

/**
 * Each pair, both ways: old → new and new → old. Every line was checked by hand against the
 * edits between the two files; the reverse direction is the mirror rule or none
 * (a media type added, an optional body added, a response property made required break nothing).
 */
const CASES: {
  name: string;
  old: string[];
  new: string[];
  forward: string[];
  backward: string[];
}[] = [
  {
    name: "openapi3",
    old: ["openapi3/old.yaml"],
    new: ["openapi3/new.yaml"],
    forward: [
      "operation-added GET /speakers",
      "operation-removed GET /venues",
      "operation-renamed GET /events/{id}",
      "optional-parameter-added GET /events ListEventsQuery.q",
      "optional-request-property-added POST /events NewEvent.url",
      "optional-response-property-added GET /events SpecialEvent.url",
      "parameter-became-required GET /events ListEventsQuery.limit",
      "parameter-removed GET /events ListEventsQuery.cursor",
      "path-parameter-renamed DELETE /events/{id} DeleteEventPath.id",
      "path-parameter-renamed GET /events/{id} FetchEventPath.id",
      "path-parameter-renamed POST /events/{id}/archive ArchiveEventPath.id",
      "path-parameter-renamed POST /events/{id}/cancel CancelEventPath.id",
      "request-body-added POST /events/{id}/cancel CancelEventBody",
      "request-body-became-required POST /events CreateSpecialEventBody",
      "request-body-removed POST /events/{id}/archive ArchiveEventBody",
      "request-enum-value-added POST /events NewEvent.level",
      "request-enum-value-removed POST /events NewEvent.level",
      "request-media-type-removed POST /events CreateSpecialEventBody",
      "request-property-became-optional POST /events NewEvent.name",
      "request-property-became-required POST /events NewEvent.price",
      "request-property-removed POST /events NewEvent.location",
      "request-type-changed GET /events ListEventsQuery.sort",
      "request-type-changed POST /events NewEvent.tags[]",
      "required-parameter-added GET /events ListEventsQuery.region",
      "required-request-property-added POST /events NewEvent.startsAt",
      "required-response-property-added GET /events SpecialEvent.startsAt",
      "response-enum-value-added GET /events SpecialEvent.kind",
      "response-media-type-removed GET /events ListEventsResponses.200",
      "response-property-became-nullable GET /events SpecialEvent.notes",
      "response-property-became-optional GET /events SpecialEvent.name",
      "response-property-removed GET /events SpecialEvent.location",
      "response-status-added POST /events CreateSpecialEventResponses.400",
      "response-status-removed POST /events CreateSpecialEventResponses.409",
      "response-type-changed GET /events SpecialEvent.capacity",
      "security-requirement-added GET /events/{id}",
      "security-requirement-changed DELETE /events/{id}",
    ],
    backward: [
      "operation-added GET /venues",
      "operation-removed GET /speakers",
      "operation-renamed GET /events/{eventId}",
      "optional-parameter-added GET /events ListEventsQuery.cursor",
      "optional-request-property-added POST /events NewEvent.location",
      "optional-response-property-added GET /events SpecialEvent.location",
      "parameter-became-optional GET /events ListEventsQuery.limit",
      "parameter-removed GET /events ListEventsQuery.q",
      "parameter-removed GET /events ListEventsQuery.region",
      "path-parameter-renamed DELETE /events/{eventId} DeleteEventPath.eventId",
      "path-parameter-renamed GET /events/{eventId} GetEventPath.eventId",
      "path-parameter-renamed POST /events/{eventId}/archive ArchiveEventPath.eventId",
      "path-parameter-renamed POST /events/{eventId}/cancel CancelEventPath.eventId",
      "request-body-removed POST /events/{eventId}/cancel CancelEventBody",
      "request-enum-value-added POST /events NewEvent.level",
      "request-enum-value-removed POST /events NewEvent.level",
      "request-property-became-optional POST /events NewEvent.price",
      "request-property-became-required POST /events NewEvent.name",
      "request-property-removed POST /events NewEvent.startsAt",
      "request-property-removed POST /events NewEvent.url",
      "request-type-changed GET /events ListEventsQuery.sort",
      "request-type-changed POST /events NewEvent.tags[]",
      "response-enum-value-removed GET /events SpecialEvent.kind",
      "response-property-removed GET /events SpecialEvent.startsAt",
      "response-property-removed GET /events SpecialEvent.url",
      "response-status-added POST /events CreateSpecialEventResponses.409",
      "response-status-removed POST /events CreateSpecialEventResponses.400",
      "response-type-changed GET /events SpecialEvent.capacity",
      "security-requirement-changed DELETE /events/{eventId}",
      "security-requirement-removed GET /events/{eventId}",
    ],
  },
  {
    name: "swagger2",
    old: ["swagger2/old.yaml"],
    new: ["swagger2/new.yaml"],
    forward: [
      "operation-removed DELETE /pets/{petId}",
      "parameter-became-required GET /pets ListPetsQuery.limit",
      "path-parameter-renamed GET /pets/{id} GetPetPath.id",
      "request-enum-value-added POST /pets Pet.status",
      "request-media-type-removed POST /pets AddPetBody",
      "request-property-removed POST /pets Pet.tag",
      "required-parameter-added GET /pets ListPetsHeaders.X-Trace",
      "response-enum-value-added GET /pets Pet.status",
      "response-property-removed GET /pets Pet.tag",
      "response-status-removed GET /pets/{id} GetPetResponses.404",
    ],
    backward: [
      "operation-added DELETE /pets/{petId}",
      "optional-request-property-added POST /pets Pet.tag",
      "optional-response-property-added GET /pets Pet.tag",
      "parameter-became-optional GET /pets ListPetsQuery.limit",
      "parameter-removed GET /pets ListPetsHeaders.X-Trace",
      "path-parameter-renamed GET /pets/{petId} GetPetPath.petId",
      "request-enum-value-removed POST /pets Pet.status",
      "response-enum-value-removed GET /pets Pet.status",
      "response-status-added GET /pets/{petId} GetPetResponses.404",
    ],
  },
  {
    name: "postman",
    old: ["postman/old.postman_collection.json"],
    new: ["postman/new.postman_collection.json"],
    forward: [
      "operation-removed DELETE /orders/{orderId}",
      "request-property-removed POST /orders CreateOrderBody.giftWrap",
      "request-type-changed POST /orders CreateOrderBody.quantity",
    ],
    backward: [
      "operation-added DELETE /orders/{orderId}",
      "optional-request-property-added POST /orders CreateOrderBody.giftWrap",
      "request-type-changed POST /orders CreateOrderBody.quantity",
    ],
  },
  {
    // cookie parameters are members of the endpoint's `<Name>Cookies` type
    name: "cookies",
    old: ["cookies/old.yaml"],
    new: ["cookies/new.yaml"],
    forward: [
      "parameter-removed GET /pets ListPetsCookies.theme",
      "request-type-changed GET /pets ListPetsCookies.session",
    ],
    backward: [
      "optional-parameter-added GET /pets ListPetsCookies.theme",
      "request-type-changed GET /pets ListPetsCookies.session",
    ],
  },
  {
    // webhooks: the API sends them, so their payloads follow the response rules
    name: "webhooks",
    old: ["webhooks/old.yaml"],
    new: ["webhooks/new.yaml"],
    forward: [
      "response-enum-value-added POST webhook pet.deleted PetDeletedWebhookBody.reason",
      "response-property-became-optional POST webhook pet.deleted PetDeletedWebhookBody.reason",
      "response-property-removed POST webhook pet.created PetEvent.tag",
      "webhook-added POST webhook invoice.sent",
      "webhook-removed POST webhook order.paid",
    ],
    backward: [
      "optional-response-property-added POST webhook pet.created PetEvent.tag",
      "response-enum-value-removed POST webhook pet.deleted PetDeletedWebhookBody.reason",
      "webhook-added POST webhook order.paid",
      "webhook-removed POST webhook invoice.sent",
    ],
  },
  {
    // a path variable, a list and an object written another way; a scalar's new explode reads
    // the same
    name: "serialization",
    old: ["serialization/old.yaml"],
    new: ["serialization/new.yaml"],
    forward: [
      "parameter-serialization-changed GET /items/{id} ListItemsPath.id",
      "parameter-serialization-changed GET /items/{id} ListItemsQuery.filter",
      "parameter-serialization-changed GET /items/{id} ListItemsQuery.tags",
    ],
    backward: [
      "parameter-serialization-changed GET /items/{id} ListItemsPath.id",
      "parameter-serialization-changed GET /items/{id} ListItemsQuery.filter",
      "parameter-serialization-changed GET /items/{id} ListItemsQuery.tags",
    ],
  },
  {
    // a Postman collection changes beside a Swagger 2.0 file that does not: the merged model
    // sees only the collection's changes
    name: "cross-format",
    old: [
      "cross/pets.swagger.yaml",
      "cross/orders-old.postman_collection.json",
    ],
    new: [
      "cross/pets.swagger.yaml",
      "cross/orders-new.postman_collection.json",
    ],
    forward: [
      "operation-removed DELETE /orders/{orderId}",
      "request-property-removed POST /orders CreateOrderBody.giftWrap",
      "request-type-changed POST /orders CreateOrderBody.quantity",
    ],
    backward: [
      "operation-added DELETE /orders/{orderId}",
      "optional-request-property-added POST /orders CreateOrderBody.giftWrap",
      "request-type-changed POST /orders CreateOrderBody.quantity",
    ],
  },
];

describe("apiloom diff classifies each fixture pair's changes", () => {
  const seen = new Set<string>();
  for (const c of CASES)
    it(`${c.name}: old → new and new → old`, () => {
      const before = load(c.old);
      const after = load(c.new);
      const forward = compareModels(before, after);
      const backward = compareModels(after, before);
      expect(forward.map(line).sort()).toEqual(c.forward);
      expect(backward.map(line).sort()).toEqual(c.backward);
      for (const change of [...forward, ...backward]) seen.add(change.rule);
    });

  it("a version compared with itself has no change", () => {
    for (const c of CASES)
      expect(compareModels(load(c.new), load(c.new))).toEqual([]);
  });

  it("docs/diff.md's rules table is the rule table", () => {
    const docs = readFileSync(join(FIXTURES, "../../../docs/diff.md"), "utf8");
    const rows = docs
      .split("\n")
      .filter((l) =>
        /^\|\s*`[a-z-]+`\s*\|\s*(breaking|warning|info)\s*\|/.test(l),
      )
      .map((l) =>
        l
          .split("|")
          .slice(1, -1)
          .map((c) => c.trim()),
      );
    expect(rows).toEqual(
      Object.entries(CHANGE_RULES).map(([id, r]) => [
        `\`${id}\``,
        r.severity,
        r.breaks,
        r.summary,
      ]),
    );
  });

  it("every rule of the table has a fixture that finds it", () => {
    expect(Object.keys(CHANGE_RULES).filter((r) => !seen.has(r))).toEqual([]);
  });
});
