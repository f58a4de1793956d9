import { freeName } from "../../model/identifiers.js";
import { assignOwn } from "../../model/own-property.js";
import { canonical } from "../reader.js";
import type {
  SecurityScheme,
  SecuritySchemeKind,
  SourceRef,
} from "../../model/types.js";

/**
 * The security schemes of one collection. Identical schemes share a name; two that differ get
 * the base name and a numeric suffix in order of first use (`apiKeyAuth`, `apiKeyAuth2`). OAuth 2
 * blocks that differ only in scopes are one scheme with the union of their scopes.
 */
export class SchemeRegistry {
  private readonly byName = new Map<string, SecurityScheme>();
  private readonly nameByKey = new Map<string, string>();

  /** Registers a scheme and returns its name; `source` is called only for a new scheme. */
  add(
    block: { scheme: SecuritySchemeKind; baseName: string },
    inferred: boolean,
    source: () => SourceRef,
  ): string {
    const { scheme: kind, baseName } = block;
    const key = identity(kind);
    const known = this.nameByKey.get(key);
    if (known !== undefined) {
      const existing = this.byName.get(known)!;
      if (!inferred && existing.inferred) {
        // declared after all: the declaration is the source, not the header that hinted at it
        delete existing.inferred;
        delete existing.description;
        existing.sources = [source()];
      }
      if (existing.type === "oauth2" && kind.type === "oauth2")
        for (const [name, flow] of Object.entries(kind.flows)) {
          const target = existing.flows[name as keyof typeof kind.flows];
          if (target && flow) assignOwn(target.scopes, flow.scopes);
        }
      return known;
    }
    const name = freeName(
      baseName,
      (n) => this.byName.has(n),
      /\d$/.test(baseName) ? "_" : "",
    );
    const scheme: SecurityScheme = {
      ...structuredClone(kind),
      name,
      sources: [source()],
    };
    if (inferred) {
      scheme.inferred = true;
      scheme.description = "Inferred from an Authorization header.";
    }
    this.byName.set(name, scheme);
    this.nameByKey.set(key, name);
    return name;
  }

  record(): Record<string, SecurityScheme> {
    return Object.fromEntries(this.byName);
  }
}

/** What makes two schemes the same, scopes aside. */
function identity(kind: SecuritySchemeKind): string {
  if (kind.type !== "oauth2") return canonical(kind);
  const flows = Object.entries(kind.flows).map(([name, flow]) => {
    const { scopes: _scopes, ...urls } = flow;
    return [name, urls];
  });
  return canonical({ type: "oauth2", flows: Object.fromEntries(flows) });
}
