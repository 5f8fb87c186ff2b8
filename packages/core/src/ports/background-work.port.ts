/**
 * Operations started in the background by the submit use cases: `spawn` starts one (its outcome goes to
 * its task record, so nothing it throws escapes), `running` and `drain` let a server wait for them on
 * shutdown.
 */
import type { Task } from 'fp-ts/lib/Task.js';

/** Background operations still running, for a graceful shutdown. */
export interface BackgroundWork {
  readonly running: () => number;
  /** Resolves once every operation started so far has finished. */
  readonly drain: Task<void>;
}

export interface BackgroundWorkRunner extends BackgroundWork {
  readonly spawn: (work: Task<void>) => void;
}
