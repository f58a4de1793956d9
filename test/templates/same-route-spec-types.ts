// Type-level proof, checked by the repo's `tsc --noEmit` (and by contract-types.test.ts in a
// project of its own): the route data types apiloom builds against (src/) and the server
// runtime's copy of them (templates/server/runtime.ts, copied verbatim into the output) are
// the same types, both ways. Neither file can import the other (see route-spec-types.ts).
import type * as Built from "../../src/emit/server/route-spec-types.js";
import type * as Runtime from "../../templates/server/runtime.js";

/** true when A and B are identical to tsc (each assignable to the other, optionality and readonly alike). */
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2
    ? [A] extends [B]
      ? [B] extends [A]
        ? true
        : false
      : false
    : false;

export const routeSpecTypesAgree: [
  Same<Built.ScalarType, Runtime.ScalarType>,
  Same<Built.ParamSpec, Runtime.ParamSpec>,
  Same<Built.RouteSpec, Runtime.RouteSpec>,
] = [true, true, true];
