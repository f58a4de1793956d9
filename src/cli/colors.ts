/** ANSI styling that is a no-op when colour is off. */
export type Paint = ReturnType<typeof paint>;

export function paint(enabled: boolean) {
  const style = (open: number, close: number) => (text: string) =>
    enabled ? `\x1b[${open}m${text}\x1b[${close}m` : text;
  return {
    red: style(31, 39),
    yellow: style(33, 39),
    blue: style(34, 39),
    dim: style(2, 22),
    bold: style(1, 22),
  };
}

/** The flag, then NO_COLOR (https://no-color.org: any non-empty value) and FORCE_COLOR, then the TTY. */
export function useColor(
  flag: boolean | undefined,
  env: NodeJS.ProcessEnv,
  isTTY: boolean,
): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return isTTY;
}
