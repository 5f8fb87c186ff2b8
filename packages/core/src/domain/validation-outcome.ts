/** The answer to a validation request: valid, or every problem found. */
import type { Problem } from '../errors/problem.js';

export type ValidationOutcome =
  /** `warnings`: what is accepted but worth a look (a key no connector knows, a legacy key); absent when none. */
  | { readonly valid: true; readonly warnings?: ReadonlyArray<string> }
  | { readonly valid: false; readonly problems: ReadonlyArray<Problem> };
