export async function runInspect(_args: string[]): Promise<number> {
  process.stderr.write("apiloom inspect: not written yet\n");
  return 2;
}
