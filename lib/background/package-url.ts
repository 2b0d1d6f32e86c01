/**
 * URL of a file inside the extension package. The archive files are generated at build
 * time, so they are not in WXT's typed list of public paths when the code is type-checked.
 */
import { browser } from "wxt/browser";

export function packageUrl(path: string): string {
  return (browser.runtime.getURL as (p: string) => string)(path);
}
