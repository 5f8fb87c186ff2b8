/** One thing wrong with an input, located by a dot path such as `dataProduct.components[2].specific.source.name`. */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

export const problem = (path: string, message: string): Problem => ({ path, message });

/** The problems in their order, each told once: a parser can report one mistake from two of its rules. */
export const distinctProblems = (problems: ReadonlyArray<Problem>): ReadonlyArray<Problem> => {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** `path: message`, or the message alone at the root. */
export const formatProblem = (p: Problem): string => (p.path === '' ? p.message : `${p.path}: ${p.message}`);
