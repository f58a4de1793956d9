/** A piece of Postman text: literal text, or a `{{variable}}` left unresolved. */
export type TextPart = { text: string } | { variable: string };
