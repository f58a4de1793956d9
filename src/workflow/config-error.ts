/** A problem with the user's configuration or flags: reported plainly, exit code 2. */
export class ConfigError extends Error {}
