import { isRevivableDate, revivableExample } from "../toolkit.js";

// the rules of what revives are the model's (model/schema/scalars.ts), which the docs' examples share
export { isRevivableDate, revivableExample };

/*
 * Mocks with the config's `dates: "Date"` and `int64: "bigint"` (issue 43 item 3): a handler's
 * answer is JSON the generated client revives by its plan (templates/shared/scalars.ts), which
 * refuses a date's text that names no day or time and an int64 that is not one. A mock must
 * answer what the client reads as its types say: an example that would not revive is not used.
 * The date rules are the runtime's toDate (test/dates/consumers-mocks.test.ts holds the two to
 * each other).
 */
