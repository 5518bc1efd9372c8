/**
 * Text safe to print on a terminal: control characters (ESC, newline, C1), line separators and
 * bidi controls in a seed's file name or text are shown as `\u{…}` escapes, so that no seed can
 * colour the terminal or forge a line of the report.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}
