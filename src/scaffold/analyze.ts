import {
  Node,
  Project,
  SyntaxKind,
  type ObjectLiteralExpression,
  type SourceFile,
} from "ts-morph";
import { LineIndex } from "../ingest/parse/lines.js";

/** One member of an object literal the scaffold cares about. */
export interface Member {
  name: string;
  /** Offset of the member's name: where diagnostics point. */
  pos: number;
  /** The string value, when the member is `name: "text"`. */
  text?: string;
  /** Offsets of that value's text between its quotes (what `--accept-changes` replaces). */
  inner?: { start: number; end: number };
}

/** Where and how text for new members goes into an object literal. */
export type ObjectSlot = ReturnType<typeof slot>;

/**
 * Reads the structure of the user's handlers file with ts-morph (syntax only: no type checking,
 * no module resolution). Each object is found by the type it is checked against: a variable's
 * or `export default`'s `{…} satisfies Handlers` (or `as Handlers`, or `: Handlers`, possibly
 * wrapped in `Partial<…>`).
 */
export function analyzeHandlersFile(text: string) {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipFileDependencyResolution: true,
  });
  const file = project.createSourceFile("/handlers.ts", text);
  const lines = new LineIndex(text);
  return {
    // the object literals checked against these types
    handlers: findObject(file, "Handlers"),
    signatures: findObject(file, "HandlerSignatures"),
    webhooks: findObject(file, "WebhookHandlers"),
    webhookSignatures: findObject(file, "WebhookSignatures"),
    /** `notImplemented` is imported or declared. */
    hasNotImplemented: hasBinding(file, "notImplemented"),
    /** Offset after the last import declaration (0 when there is none). */
    afterImports: file.getImportDeclarations().at(-1)?.getEnd() ?? 0,
    /** The module of every `import … from` and `export … from`, with the offset of its string. */
    imports: [
      ...file.getImportDeclarations(),
      ...file.getExportDeclarations(),
    ].flatMap((d) => {
      const literal = d.getModuleSpecifier();
      return literal
        ? [{ specifier: literal.getLiteralText(), pos: literal.getStart() }]
        : [];
    }),
    lineAndColumn: (pos: number) => lines.position(pos),
  };
}

function findObject(file: SourceFile, typeName: string) {
  const candidates = [
    ...file.getVariableDeclarations().map((d) => ({
      init: d.getInitializer(),
      checkedAs: d.getTypeNode()?.getText(),
    })),
    ...file
      .getExportAssignments()
      .map((a) => ({ init: a.getExpression(), checkedAs: undefined })),
  ];
  // `Handlers`, `Partial<Handlers>`, `api.Handlers`: the type is the one named, not a lookalike
  const named = new RegExp(`(^|[<.\\s])${typeName}(\\s*>)*$`);
  for (let { init, checkedAs } of candidates) {
    while (
      init &&
      (Node.isParenthesizedExpression(init) ||
        Node.isSatisfiesExpression(init) ||
        Node.isAsExpression(init))
    ) {
      if (!Node.isParenthesizedExpression(init))
        checkedAs ??= init.getTypeNode()?.getText();
      init = init.getExpression();
    }
    if (!init || !Node.isObjectLiteralExpression(init)) continue;
    if (checkedAs && named.test(checkedAs.trim())) return slot(init, file);
  }
  return undefined;
}

function slot(object: ObjectLiteralExpression, file: SourceFile) {
  const text = file.getFullText();
  const members: Member[] = [];
  const properties = object.getProperties();
  for (const property of properties) {
    if (Node.isSpreadAssignment(property)) continue;
    const nameNode = property.getNameNode();
    const name =
      Node.isStringLiteral(nameNode) || Node.isNumericLiteral(nameNode)
        ? nameNode.getLiteralText()
        : nameNode.getText();
    const member: Member = { name, pos: nameNode.getStart() };
    if (Node.isPropertyAssignment(property)) {
      const value = property.getInitializer();
      if (
        value &&
        (Node.isStringLiteral(value) ||
          Node.isNoSubstitutionTemplateLiteral(value))
      ) {
        member.text = value.getLiteralText();
        member.inner = { start: value.getStart() + 1, end: value.getEnd() - 1 };
      }
    }
    members.push(member);
  }
  const lineStart = (pos: number) => text.lastIndexOf("\n", pos) + 1;
  const indentAt = (start: number) => /^[ \t]*/.exec(text.slice(start))![0];
  const close = object.getEnd() - 1;
  const open = object.getStart();
  const baseIndent = indentAt(lineStart(open));
  const first = properties[0];
  const last = properties.at(-1);
  const closeLineStart = lineStart(close);
  const braceOnOwnLine =
    closeLineStart > (last?.getEnd() ?? open) &&
    text.slice(closeLineStart, close).trim() === "";
  const firstLineStart = first ? lineStart(first.getStart()) : open;
  const trailingComma =
    object.getChildSyntaxList()?.getLastChild()?.getKind() ===
    SyntaxKind.CommaToken;
  // `{ a: 1 }` on one line: the new members go on lines of their own before the brace
  const [insertAt, lead, trail] = braceOnOwnLine
    ? [closeLineStart, "", ""]
    : [last ? close : open + 1, "\n", baseIndent];
  return {
    members,
    /** The literal has a spread (`...base`): which names it holds is unknown. */
    hasSpread: properties.some((p) => Node.isSpreadAssignment(p)),
    /** Offset where a comma goes after the last member, when it has none. */
    commaAt: !last || trailingComma ? undefined : last.getEnd(),
    /** Offset where new members are inserted. */
    insertAt,
    /** Text before the new members (a line break when they don't start a line). */
    lead,
    /** Text after them (the brace's indentation when it shared a line with members). */
    trail,
    indent:
      firstLineStart > open ? indentAt(firstLineStart) : baseIndent + "  ",
  };
}

function hasBinding(file: SourceFile, name: string): boolean {
  for (const declaration of file.getImportDeclarations())
    for (const specifier of declaration.getNamedImports())
      if (
        (specifier.getAliasNode()?.getText() ?? specifier.getName()) === name &&
        !specifier.isTypeOnly() &&
        !declaration.isTypeOnly()
      )
        return true;
  return (
    file.getFunction(name) !== undefined ||
    file.getVariableDeclaration(name) !== undefined
  );
}
