/** Bytes of an input file → text, refusing what is not UTF-8 text. */

export type DecodedText = { ok: true; text: string } | { ok: false; error: string };

export const BINARY_ERROR = "not a text file (binary data)";
export const EMPTY_ERROR = "empty file";

/** Control characters other than tab, newline, form feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;
/** Text editors and scrapers leave an odd control character; binary data has many. */
const MAX_CONTROL_SHARE = 0.01;

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) return { ok: false, error: EMPTY_ERROR };
  // UTF-16 and binary formats contain NUL bytes; UTF-8 text never does.
  if (bytes.includes(0)) return { ok: false, error: BINARY_ERROR };
  let text: string;
  try {
    // fatal: invalid UTF-8 is an error instead of silent U+FFFD; the BOM is dropped.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: BINARY_ERROR };
  }
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 0 && controls / text.length > MAX_CONTROL_SHARE) return { ok: false, error: BINARY_ERROR };
  if (text.trim().length === 0) return { ok: false, error: EMPTY_ERROR };
  return { ok: true, text };
}
