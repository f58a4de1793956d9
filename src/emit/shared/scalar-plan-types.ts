/**
 * The revival plans as data (scalar-plans.ts builds them, templates/shared/scalars.ts walks the
 * runtime's copy of these types; test/templates/same-plan-types.ts holds both the same).
 */
export type Plan = number | PlanNode;
export interface PlanNode {
  s?: "t" | "d";
  i?: 1;
  p?: Record<string, Plan>;
  r?: Plan;
  t?: Plan[];
  e?: Plan;
}
export interface OperationPlan {
  path?: Record<string, Plan>;
  query?: Record<string, Plan>;
  headers?: Record<string, Plan>;
  cookies?: Record<string, Plan>;
  body?: Plan;
  /**
   * The server's: a body's plan by the media type it arrives as (lower-cased, without
   * parameters, as its `listedMediaType` finds it), present only when one differs from `body`
   * (the sent media type's); a media type missing here revives nothing.
   */
  bodies?: Record<string, Plan>;
  responses?: Record<string, Plan>;
  /** 1: the request body holds int64s; 2: the answers do (read losslessly). */
  lossless?: number;
}
export interface Plans {
  named: PlanNode[];
  operations: Record<string, OperationPlan>;
}
