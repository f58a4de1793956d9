import { compareSources } from "./rank.js";
import type { ModelReporter } from "../diagnostics/codes.js";
import type { DocumentModel, SecurityScheme, SourceRef } from "../types.js";
import { trimTrailing } from "../linear-text.js";

// `read:jira-work`, `repo.status`, `user/email`
const SCOPE = String.raw`[A-Za-z][\w.\-]*(?:[:/][\w.\-*]+)+|[A-Za-z][\w.\-]*`;
const SCOPE_PHRASE = new RegExp(
  String.raw`\b(?:with|requires?|needs?|using)?\s*(?:the\s+)?(?:oauth\s*2(?:\.0)?\s+)?scopes?\s*[:=]?\s+((?:${SCOPE})(?:\s*(?:,|and|or|&)\s*(?:${SCOPE}))*)`,
  "gi",
);
const AUTH_REQUIRED =
  /\bauthenticat(?:ion|ed)\s+(?:is\s+)?required\b|\brequires?\s+authentication\b/i;
/**
 * What every {@link SCOPE_PHRASE} holds: one plain search, where the phrase's optional openings
 * are tried at every character of what is often pages of prose.
 */
const MENTIONS_SCOPE = /scope/i;

/** Auth stated only in prose ("Authentication required, with scope participate:conversation"). */
export function readProseAuth(text: string | undefined): {
  required: boolean;
  /** Scopes the text names, in order of appearance. */
  scopes: string[];
} {
  if (!text) return { required: false, scopes: [] };
  const scopes: string[] = [];
  if (MENTIONS_SCOPE.test(text))
    for (const match of text.matchAll(SCOPE_PHRASE)) {
      // blanks trimmed, not matched: a run would be tried from each of its positions
      for (const token of match[1]!.split(/,|\band\b|\bor\b|&/)) {
        const scope = trimTrailing(token.trim(), ".");
        // a bare word after "scope" is only a scope when it looks like one (has a separator)
        if (scope !== "" && /[:/.]/.test(scope) && !scopes.includes(scope))
          scopes.push(scope);
      }
    }
  return { required: scopes.length > 0 || AUTH_REQUIRED.test(text), scopes };
}

const INFERRED_SCHEME = "oauth2";

/** Endpoints with no security get what their prose states (docs/inputs.md, "Auth read from prose"). */
export function applyProseAuth(
  documents: readonly DocumentModel[],
  reporter: ModelReporter,
): { documents: DocumentModel[]; scheme: SecurityScheme | undefined } {
  const declared = documents
    .flatMap((d) => Object.values(d.securitySchemes))
    .filter((s) => s.type === "oauth2" && !s.inferred);
  const names = [...new Set(declared.map((s) => s.name))];
  const schemeName = names.length === 1 ? names[0]! : INFERRED_SCHEME;
  const scopes = new Set<string>();
  let first: SourceRef | undefined;
  // the readers' objects are never changed
  const out = documents.map((doc) => {
    let count = 0;
    let at: typeof first | undefined;
    const endpoints = doc.endpoints.map((endpoint) => {
      if (endpoint.security !== undefined) return endpoint;
      const prose = readProseAuth(
        [endpoint.summary, endpoint.description].filter(Boolean).join("\n"),
      );
      if (!prose.required) return endpoint;
      for (const scope of prose.scopes) scopes.add(scope);
      count++;
      at ??= endpoint.sources[0];
      return { ...endpoint, security: [{ [schemeName]: prose.scopes }] };
    });
    if (count > 0 && at) {
      if (!first || compareSources(at, first) < 0) first = at;
      reporter.report(
        "security/scopes-from-prose",
        `${count} operation${count === 1 ? "" : "s"} in this document state their auth only in prose ("Authentication required, with scope …"); read as OAuth 2.0 requirements on scheme '${schemeName}'`,
        at,
      );
    }
    return count > 0 ? { ...doc, endpoints } : doc;
  });
  if (!first || names.length === 1)
    return { documents: out, scheme: undefined };
  return {
    documents: out,
    scheme: {
      name: schemeName,
      type: "oauth2",
      flows: {
        clientCredentials: {
          scopes: Object.fromEntries([...scopes].sort().map((s) => [s, ""])),
        },
      },
      description:
        "Inferred by apiloom from operation descriptions that name OAuth 2.0 scopes; the token URL is not stated in the inputs.",
      inferred: true,
      sources: [first],
    },
  };
}
