import type { Diagnostic } from '../model/types.js';
import { printable } from './printable.js';

/** How `dateline check` prints problems: lines for people, one JSON object, or GitHub workflow annotations. */
export type ProblemFormat = 'text' | 'json' | 'github';

/** GitHub's escaping of an annotation's message. */
const escapeData = (s: string): string => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
/** GitHub's escaping of an annotation's property (file, title): the message's, plus `:` and `,`. */
const escapeProperty = (s: string): string => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

/**
 * The output of `dateline check` for `problems` (whose `file` is already the path to show) in
 * `format`, ending in a newline; `files` is the number of seed files checked.
 */
export function formatProblems(problems: readonly Diagnostic[], files: number, format: ProblemFormat): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (format === 'json') return `${JSON.stringify({ files, errors, warnings, problems })}\n`;
  const lines = problems.map((p) =>
    format === 'github'
      ? `::${p.severity} file=${escapeProperty(p.file)},line=${p.line},title=${escapeProperty(`dateline ${p.rule}`)}::${escapeData(p.message)}`
      : printable(`${p.file}:${p.line}: ${p.severity}: ${p.message} [${p.rule}]`),
  );
  lines.push(`checked ${files} seed file${files === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}
