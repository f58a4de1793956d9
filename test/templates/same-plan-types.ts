// Type-level proof, checked by the repo's `tsc --noEmit`: the revival plans apiloom builds
// (src/emit/shared/scalar-plans.ts) and the plans the generated runtime walks
// (templates/shared/scalars.ts, copied verbatim into the output) are the same types, both ways.
// Neither file can import the other (see route-spec-types.ts); change one, change the other.
import type * as Built from "../../src/emit/shared/scalar-plans.js";
import type * as Runtime from "../../templates/shared/scalars.js";

/** true when A and B are identical to tsc (each assignable to the other, optionality alike). */
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2
    ? [A] extends [B]
      ? [B] extends [A]
        ? true
        : false
      : false
    : false;

export const planTypesAgree: [
  Same<Built.Plan, Runtime.Plan>,
  Same<Built.PlanNode, Runtime.PlanNode>,
  Same<Built.OperationPlan, Runtime.OperationPlan>,
  Same<Built.Plans, Runtime.Plans>,
] = [true, true, true, true];
