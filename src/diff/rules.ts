import type { ChangeRule as PluginChangeRule } from "../emit/artifact.js";

// The change rules of `apiloom diff`: the comparison, the reports and the docs read this one table.

export type ChangeSeverity = PluginChangeRule["severity"];

/** Whom a change breaks: `clients` (the generated client's callers), `servers` (the handlers). */
export type Breaks = PluginChangeRule["breaks"];

export interface ChangeRule extends PluginChangeRule {
  /** One line for the docs' rules table. */
  summary: string;
  /**
   * The calls of the client function it breaks (the blast radius, blast-radius.ts): `every` one,
   * one that `sends` the member (a removed or narrowed one), one that `lacks` it (newly required).
   */
  calls?: "every" | "sends" | "lacks";
  /** It breaks code reading the member where its type is used (a result's, a handler's). */
  reads?: true;
}

export const CHANGE_RULES = {
  "operation-removed": {
    severity: "breaking",
    breaks: "both",
    summary:
      "an endpoint is gone: its client function and its handler no longer exist",
    calls: "every",
  },
  "operation-added": {
    severity: "info",
    breaks: "servers",
    summary: "a new endpoint: servers need a handler for it",
  },
  "webhook-removed": {
    severity: "breaking",
    breaks: "servers",
    summary:
      "a webhook is no longer sent: its handler is an unknown member of WebhookHandlers",
  },
  "webhook-added": {
    severity: "info",
    breaks: "servers",
    summary:
      "a new webhook: receivers need a handler for it (its payload, headers and answers follow the endpoint rules, turned round)",
  },
  "operation-renamed": {
    severity: "breaking",
    breaks: "both",
    summary:
      "the generated function name changed (a new operationId with no name lock)",
    calls: "every",
  },
  "path-parameter-renamed": {
    // the same endpoint on the wire, but the client's `path` argument is keyed by the name
    severity: "warning",
    breaks: "clients",
    summary:
      "a path variable has a new name, same route shape: the same endpoint, but the client takes it under the new name",
    calls: "sends",
    reads: true,
  },
  "parameter-removed": {
    severity: "warning",
    breaks: "clients",
    summary:
      "a query, header or cookie parameter is gone: callers passing it no longer compile",
    calls: "sends",
    reads: true,
  },
  "required-parameter-added": {
    severity: "breaking",
    breaks: "clients",
    summary: "a new required parameter: existing calls do not send it",
    calls: "lacks",
  },
  "optional-parameter-added": {
    severity: "info",
    breaks: "none",
    summary: "a new optional parameter",
  },
  "parameter-became-required": {
    severity: "breaking",
    breaks: "clients",
    summary: "an optional parameter is now required",
    calls: "lacks",
  },
  "parameter-serialization-changed": {
    severity: "breaking",
    breaks: "both",
    summary:
      "a path parameter, or a list or object one, is written another way (`style`, `explode`, `content`): what old calls send is read otherwise",
    calls: "sends",
  },
  "parameter-became-optional": {
    severity: "warning",
    breaks: "servers",
    summary: "a required parameter is now optional: handlers may not get it",
  },
  "request-body-added": {
    severity: "breaking",
    breaks: "clients",
    summary: "a required request body where there was none",
    calls: "lacks",
  },
  "request-body-removed": {
    severity: "warning",
    breaks: "clients",
    summary: "the request body is gone",
  },
  "request-body-became-required": {
    severity: "breaking",
    breaks: "clients",
    summary: "an optional request body is now required",
    calls: "lacks",
  },
  "request-media-type-removed": {
    severity: "breaking",
    breaks: "clients",
    summary: "a request media type is no longer accepted",
  },
  "response-media-type-removed": {
    severity: "breaking",
    breaks: "clients",
    summary: "a response media type is no longer sent",
  },
  "response-status-removed": {
    severity: "breaking",
    breaks: "clients",
    summary:
      "a response status is gone: code that handles it checks for nothing",
  },
  "response-status-added": {
    severity: "info",
    breaks: "none",
    summary: "a new response status",
  },
  "required-request-property-added": {
    severity: "breaking",
    breaks: "clients",
    summary: "a new required property in a request body",
    calls: "lacks",
  },
  "optional-request-property-added": {
    severity: "info",
    breaks: "none",
    summary: "a new optional property in a request body",
  },
  "request-property-removed": {
    severity: "breaking",
    breaks: "both",
    summary:
      "a request property is gone: callers sending it and handlers reading it no longer compile",
    calls: "sends",
    reads: true,
  },
  "request-property-became-required": {
    severity: "breaking",
    breaks: "clients",
    summary: "an optional request property is now required",
    calls: "lacks",
  },
  "request-property-became-optional": {
    severity: "warning",
    breaks: "servers",
    summary: "a required request property is now optional",
  },
  "request-type-changed": {
    severity: "breaking",
    breaks: "clients",
    summary:
      "a parameter's or request property's type changed or narrowed (null no longer allowed)",
    calls: "sends",
  },
  "request-enum-value-removed": {
    severity: "breaking",
    breaks: "clients",
    summary: "a value a request could send is no longer allowed",
    calls: "sends",
  },
  "request-enum-value-added": {
    severity: "warning",
    breaks: "servers",
    summary: "a request may carry a value handlers have not seen",
  },
  "response-property-removed": {
    severity: "breaking",
    breaks: "clients",
    summary: "a response property is gone",
    reads: true,
  },
  "response-property-became-optional": {
    severity: "breaking",
    breaks: "clients",
    summary: "a required response property may now be missing",
  },
  "response-property-became-nullable": {
    severity: "breaking",
    breaks: "clients",
    summary: "a response property may now be null",
  },
  "response-type-changed": {
    severity: "breaking",
    breaks: "clients",
    summary: "a response property's type changed or widened",
  },
  "response-enum-value-added": {
    severity: "breaking",
    breaks: "clients",
    summary: "a response may carry a new value: an exhaustive switch misses it",
  },
  "response-enum-value-removed": {
    severity: "info",
    breaks: "servers",
    summary: "a value a response could carry is no longer allowed",
  },
  "required-response-property-added": {
    severity: "warning",
    breaks: "servers",
    summary: "a new required response property: handlers must return it",
  },
  "optional-response-property-added": {
    severity: "info",
    breaks: "none",
    summary: "a new optional response property",
  },
  "security-requirement-added": {
    severity: "breaking",
    breaks: "clients",
    summary: "an endpoint that needed no credentials now needs some",
  },
  "security-requirement-changed": {
    severity: "breaking",
    breaks: "clients",
    summary: "an endpoint accepts other credentials than before",
  },
  "security-requirement-removed": {
    severity: "info",
    breaks: "servers",
    summary: "an endpoint no longer requires credentials",
  },
} as const satisfies Record<string, ChangeRule>;

export type RuleId = keyof typeof CHANGE_RULES;

export const SEVERITY_ORDER: Readonly<Record<ChangeSeverity, number>> = {
  breaking: 0,
  warning: 1,
  info: 2,
};
