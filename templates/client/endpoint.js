// apiloom template: one endpoint function of client/index.ts. Copy it into your templates folder
// (client/endpoint.js) to change the functions. `view` (EndpointView in src/emit/client/view.ts)
// holds the endpoint's facts and pre-rendered, escaped pieces; spec text you add yourself must go
// through `helpers` (stringLiteral for code, jsdocLines/printDoc for comments).

/** Returns the text of the function, its result type first, ending with a newline. */
export function renderEndpoint(view) {
  return [
    view.resultAlias,
    "",
    view.doc + view.signature,
    view.callOpen,
    ...view.requestLines,
    "  });",
    "}",
    "",
  ].join("\n");
}
