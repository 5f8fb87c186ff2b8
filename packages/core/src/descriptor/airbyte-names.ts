/**
 * Names Airbyte can store and show as written. Airbyte keeps a source's, destination's or connection's
 * name in a `varchar(256)` column; a control character (a line break), a lone UTF-16 surrogate (not a
 * character at all, replaced or refused on the way to the database) or a bidirectional control (which
 * makes a name display as another one) is refused here, at validate time, with where it is.
 */
import { problem, type Problem } from '../errors/problem.js';

/** Airbyte's stored length for actor and connection names, in characters. */
export const AIRBYTE_NAME_MAX_CHARACTERS = 256;

const hex = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

const controlNames: Readonly<Record<number, string>> = {
  0x09: 'a tab',
  0x0a: 'a line feed',
  0x0d: 'a carriage return',
  0x00: 'a NUL character',
};

const isControl = (code: number): boolean => code <= 0x1f || (code >= 0x7f && code <= 0x9f);

// Unicode's Bidi_Control characters: marks, embeddings, overrides and isolates
const isBidiControl = (code: number): boolean =>
  code === 0x061c ||
  code === 0x200e ||
  code === 0x200f ||
  (code >= 0x202a && code <= 0x202e) ||
  (code >= 0x2066 && code <= 0x2069);

const isSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdfff;

/** What is wrong with a character, or undefined when Airbyte can store and show it. */
const flaw = (code: number): string | undefined => {
  if (isControl(code)) return `${controlNames[code] ?? 'a control character'} (${hex(code)})`;
  if (isSurrogate(code)) return `a lone UTF-16 surrogate (${hex(code)}), which is no character`;
  if (isBidiControl(code)) {
    return `a bidirectional control character (${hex(code)}), which makes a name display as another one`;
  }
  return undefined;
};

/** Every problem of a name, at once: each bad character with its position (from 1), and its length. */
export const airbyteNameProblems = (name: string, path: string): ReadonlyArray<Problem> => {
  const found: Problem[] = [];
  let position = 0;
  // for…of walks code points: a well-formed pair is one character, a lone surrogate is one of its own
  for (const character of name) {
    position += 1;
    const why = flaw(character.codePointAt(0)!);
    if (why !== undefined) found.push(problem(path, `holds ${why} at character ${position}; remove it`));
  }
  if (position > AIRBYTE_NAME_MAX_CHARACTERS) {
    found.push(
      problem(
        path,
        `is ${position} characters long; Airbyte stores at most ${AIRBYTE_NAME_MAX_CHARACTERS} characters of a name`,
      ),
    );
  }
  return found;
};
