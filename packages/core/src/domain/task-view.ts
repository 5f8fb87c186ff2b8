/** A background task as a status request sees it: running, or finished once with a value or a failure. */
import type { OperationFailure } from './operation-result.js';

export type TaskView<A> =
  | { readonly status: 'RUNNING' }
  | { readonly status: 'COMPLETED'; readonly value: A }
  | { readonly status: 'FAILED'; readonly failure: OperationFailure };
