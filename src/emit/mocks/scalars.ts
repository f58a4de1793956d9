import { isRevivableDate, revivableExample } from "../toolkit.js";

// the rules of what revives are the model's (model/schema/scalars.ts), which the docs' examples share
export { isRevivableDate, revivableExample };

/*
 * Mocks with `dates: "Date"` and `int64: "bigint"`: the client revives a mock's JSON by its plan,
 * so an example that would not revive (the runtime's toDate rules) is not used.
 */
