/**
 * A user template that cannot be used: it does not load (a syntax error, a throw at the top),
 * lacks an export apiloom calls, throws, or returns something other than text. The message
 * names the template file and the cause; the command line reports it with exit code 2.
 */
export class TemplateError extends Error {}
