import type { Endpoint, Parameter } from "../../model/types.js";
import { acceptHeader, sentMediaType } from "../shared/media-types.js";
import { encodingStyle, parameterWireStyle } from "../shared/wire-style.js";
import { headerParameters } from "../types/endpoint-types.js";
import type { TypeIndex } from "../types/index.js";
import { scopeAlternatives, securityAlternatives } from "./security.js";
import type {
  ClientEndpointView,
  ClientLocals,
  StyledName,
} from "./view-types.js";

const FORM = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";

/** The endpoint template's view of `endpoint`: facts only, every spec string raw. */
export function endpointView(
  endpoint: Endpoint,
  index: TypeIndex,
  supportedSchemes: Set<string>,
  locals: ClientLocals,
): ClientEndpointView {
  const types = index.endpoint(endpoint);
  const mediaType = endpoint.requestBody
    ? sentMediaType(endpoint.requestBody.content)
    : undefined;
  const accept = acceptHeader(endpoint);
  const security = securityAlternatives(endpoint, supportedSchemes);
  const styled = (parameters: Parameter[], present: string | undefined) =>
    present === undefined
      ? []
      : styledNames(parameters.map((p) => [p.name, parameterWireStyle(p)]));
  const form = endpoint.requestBody?.content.find(
    (c) => c.mediaType === mediaType,
  );
  const view: ClientEndpointView = {
    name: endpoint.name,
    method: endpoint.method.toUpperCase(),
    path: endpoint.path,
    deprecated: endpoint.deprecated,
    types,
    scopes: scopeAlternatives(endpoint),
    styles: {
      path: styled(endpoint.parameters.path, types.path),
      query: styled(endpoint.parameters.query, types.query),
      headers: styled(headerParameters(endpoint), types.headers),
      cookies: styled(endpoint.parameters.cookie, types.cookies),
    },
    encoding:
      types.body && mediaType && form?.encoding && isForm(mediaType)
        ? styledNames(
            Object.entries(form.encoding).map(([name, e]) => [
              name,
              encodingStyle(e),
            ]),
          )
        : [],
    locals,
  };
  if (endpoint.summary) view.summary = endpoint.summary;
  if (endpoint.description) view.description = endpoint.description;
  if (mediaType) view.mediaType = mediaType;
  if (accept) view.accept = accept;
  if (security) view.security = security;
  return view;
}

/** The entries whose style says anything (the others go the default way). */
function styledNames(entries: [string, StyledName["style"]][]): StyledName[] {
  return entries
    .filter(([, style]) => Object.keys(style).length > 0)
    .map(([name, style]) => ({ name, style }));
}

function isForm(mediaType: string): boolean {
  const type = mediaType.toLowerCase();
  return type.startsWith(FORM) || type.startsWith(MULTIPART);
}
