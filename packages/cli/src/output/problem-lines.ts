/**
 * Problems as a person fixes them: `file:line:column: path: message`, like a compiler, so an editor or a
 * terminal can jump to the spot. A request file in JSON holds its descriptor as a string: positions in
 * that descriptor are given after the message instead.
 */
import { formatProblem, problemPositions, type Problem, type TextPosition } from '@airbyte-provisioner/core';

export interface ProblemSource {
  /** As the user named it; `-` is standard input. */
  readonly file: string;
  /** The text the problems' paths refer to. */
  readonly text: string;
  /** Set when `text` is a descriptor embedded in the file (a JSON ProvisioningRequest), not the file. */
  readonly embedded?: boolean;
}

export const displayName = (file: string): string => (file === '-' ? '<stdin>' : file);

const SYNTAX_POSITION = / at line \d+, column \d+/;

const withoutPosition = (p: Problem): Problem => ({ ...p, message: p.message.replace(SYNTAX_POSITION, '') });

const lineOf = (p: Problem, at: TextPosition | undefined, source: ProblemSource): string => {
  const file = displayName(source.file);
  const text = formatProblem(withoutPosition(p));
  if (at === undefined) return `${file}: ${text}`;
  return source.embedded === true
    ? `${file}: ${text} (descriptor line ${at.line}, column ${at.column})`
    : `${file}:${at.line}:${at.column}: ${text}`;
};

/** One line per problem, located in `source` where its path or message says where. */
export const locatedProblems = (
  problems: ReadonlyArray<Problem>,
  source: ProblemSource,
): ReadonlyArray<string> => {
  const positions = problemPositions(source.text, problems);
  return problems.map((p, i) => lineOf(p, positions[i], source));
};
