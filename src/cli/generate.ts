export async function runGenerate(_args: string[]): Promise<number> {
  process.stderr.write("apiloom generate: not written yet\n");
  return 2;
}
