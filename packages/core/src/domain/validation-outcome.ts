/** The answer to a validation request: valid, or every problem found. */
import type { Problem } from '../errors/problem.js';

export type ValidationOutcome =
  { readonly valid: true } | { readonly valid: false; readonly problems: ReadonlyArray<Problem> };
