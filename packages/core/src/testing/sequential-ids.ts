import type { IdGenerator } from '../ports/id-generator.port.js';

/** Predictable ids (`task-1`, `task-2`, ...) for tests; guessable, so never for production tokens. */
export const sequentialIds = (prefix = 'task-'): IdGenerator => {
  let n = 0;
  return { next: () => `${prefix}${++n}` };
};
