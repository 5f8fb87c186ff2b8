/** One thing wrong with an input, located by a dot path such as `dataProduct.components[2].specific.source.name`. */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

export const problem = (path: string, message: string): Problem => ({ path, message });

/** `path: message`, or the message alone at the root. */
export const formatProblem = (p: Problem): string => (p.path === '' ? p.message : `${p.path}: ${p.message}`);
