/** A problem with the user's configuration or flags: reported plainly, exit code 2. */
export class ConfigError extends Error {}

/** `--api <name>` (or a watched API) names no API of the config: the config no longer lists it. */
export class UnknownApiError extends ConfigError {}
