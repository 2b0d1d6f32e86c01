/**
 * visibleTextFromHtml for node (CLI, publisher, tests): parses with linkedom. Kept apart from
 * lib/spot/visible-text.ts so the content script bundle never pulls in a parser.
 */
import { parseHTML } from "linkedom";
import { visibleTextOf } from "./visible-text";

export function visibleTextFromHtml(html: string): string {
  // A fragment is wrapped in a body; a full document keeps its own, and its <head> (title,
  // meta) is not page text.
  const isDocument = /<(html|body)[\s>]/i.test(html);
  const { document } = parseHTML(isDocument ? html : `<!doctype html><html><body>${html}</body></html>`);
  return visibleTextOf(document.body ?? document.documentElement);
}
