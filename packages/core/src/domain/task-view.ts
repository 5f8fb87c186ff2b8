/**
 * A background task as a status request sees it: running (with what it has published of its progress so
 * far, if anything), or finished once with a value or a failure.
 */
import type { LogEntry, OperationFailure } from './operation-result.js';

export type TaskView<A> =
  | { readonly status: 'RUNNING'; readonly logs?: ReadonlyArray<LogEntry> }
  | { readonly status: 'COMPLETED'; readonly value: A }
  | { readonly status: 'FAILED'; readonly failure: OperationFailure };
