/** JSON syntax errors told with a line and column, without echoing the input. */
const lineAndColumn = (text: string, offset: number): string => {
  const before = text.slice(0, offset).split('\n');
  return ` at line ${before.length}, column ${(before[before.length - 1] ?? '').length + 1}`;
};

/**
 * Why a JSON input is not JSON, in JSON's terms (a YAML parser's message would mislead), with the position
 * where the parser stopped; never the input itself (it may hold secrets). `undefined` when it is JSON.
 */
export const jsonSyntaxProblem = (text: string): string | undefined => {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /^(.*?) in JSON at position (\d+)/.exec(message);
    if (at !== null) return `is not valid JSON${lineAndColumn(text, Number(at[2]))}: ${at[1]}`;
    if (/end of JSON input/.test(message))
      return `is not valid JSON${lineAndColumn(text, text.trimEnd().length)}: it ends too early`;
    const token = /^(Unexpected token '.*?')/.exec(message);
    return `is not valid JSON: ${token?.[1] ?? 'it cannot be parsed'}`;
  }
};
