import type { Page } from "playwright-core";

export declare function chromiumLaunchOptions(): Promise<{
  executablePath: string;
  args: string[];
  headless: boolean;
}>;
export declare function horizontalOverflow(
  page: Page,
): Promise<{ tag: string; className: string; right: number; text: string }[]>;
