/**
 * Tasks in process memory. Finished tasks live `ttlMs` and at most `maxTasks` tasks are kept; when full,
 * the oldest finished ones go first and a RUNNING task is never dropped. Expiry is checked against the
 * Clock on each call (no timers).
 *
 * Memory: a server keeps many finished results (20,000 within the default limits), so a finished task is
 * a record of a few hundred bytes in a byte log outside the garbage-collected heap (finished-task-log.ts):
 * its result as edits against a shared reference result (results differ mostly in ids, fingerprints and
 * timestamps; see delta-codec.ts). Running tasks, a handful at a time, are a plain set of tokens.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { OperationFailure } from '../domain/operation-result.js';
import { internal, unknownTask, type ProvisioningError } from '../errors/provisioning-error.js';
import type { Clock } from '../ports/clock.port.js';
import type { TaskRepository } from '../ports/task-repository.port.js';
import type { TaskView } from '../use-cases/use-case.types.js';
import { ByteWriter } from './byte-writer.js';
import { decodeAgainst, encodeAgainst, makeReference, type Reference } from './delta-codec.js';
import { FinishedTaskLog } from './finished-task-log.js';

export interface TaskRepositoryLimits {
  readonly ttlMs: number;
  readonly maxTasks: number;
}

/**
 * A day, and 20,000 tasks: a coordinator reads a task's status within minutes, and 20,000 finished tasks
 * (~250 bytes each with the ids and fingerprints of a real deploy, ~5 MB) last a day at 14 tasks a minute.
 */
export const defaultTaskRepositoryLimits: TaskRepositoryLimits = {
  ttlMs: 24 * 60 * 60 * 1000,
  maxTasks: 20_000,
};

const COMPLETED = 1;
const FAILED = 2;
type FinishedStatus = typeof COMPLETED | typeof FAILED;

/** References tried for each new result: enough for a success shape and a few failure shapes. */
const RECENT_REFERENCES = 4;

const unreadable = (token: string): ProvisioningError =>
  internal(`the result of task ${token} could not be read back from the task store; run the operation again`);

export class InMemoryTaskRepository<A> implements TaskRepository<A> {
  private readonly running = new Set<string>();
  private readonly finished = new FinishedTaskLog();
  private readonly references = new Map<number, { readonly reference: Reference; uses: number }>();
  private recent: number[] = [];
  private nextReferenceId = 0;
  // reused for every encoding: finishing a task allocates no buffer
  private readonly attempt = new ByteWriter(4096);
  private readonly best = new ByteWriter(4096);

  constructor(
    private readonly clock: Clock,
    private readonly limits: TaskRepositoryLimits = defaultTaskRepositoryLimits,
  ) {}

  /** How many tasks are held (running and finished), after expiry. */
  readonly size = (): number => {
    this.evict();
    return this.running.size + this.finished.size;
  };

  readonly create = (token: string): TE.TaskEither<ProvisioningError, void> =>
    TE.fromIOEither((): E.Either<ProvisioningError, void> => {
      this.evict();
      if (this.running.has(token) || this.finished.has(token))
        return E.left(internal(`task token ${token} is already in use`));
      this.running.add(token);
      this.evict();
      return E.right(undefined);
    });

  readonly complete = (token: string, value: A): TE.TaskEither<ProvisioningError, void> =>
    this.finish(token, COMPLETED, value);

  readonly fail = (token: string, failure: OperationFailure): TE.TaskEither<ProvisioningError, void> =>
    this.finish(token, FAILED, failure);

  readonly get = (token: string): TE.TaskEither<ProvisioningError, TaskView<A>> =>
    TE.fromIOEither((): E.Either<ProvisioningError, TaskView<A>> => {
      this.evict();
      if (this.running.has(token)) return E.right({ status: 'RUNNING' });
      const entry = this.finished.get(token);
      if (entry === undefined) return E.left(unknownTask(token));
      // the store gave back something it did not take: a bug, told as such rather than thrown
      const reference = this.references.get(entry.referenceId)?.reference.text;
      if (reference === undefined) return E.left(unreadable(token));
      let parsed: unknown;
      try {
        parsed = JSON.parse(decodeAgainst(reference, entry.payload));
      } catch {
        // the error itself is not passed on: JSON.parse quotes the text, which may hold private info
        return E.left(unreadable(token));
      }
      return E.right(
        entry.status === COMPLETED
          ? { status: 'COMPLETED', value: parsed as A }
          : { status: 'FAILED', failure: parsed as OperationFailure },
      );
    });

  private finish(
    token: string,
    status: FinishedStatus,
    payload: unknown,
  ): TE.TaskEither<ProvisioningError, void> {
    return TE.fromIOEither((): E.Either<ProvisioningError, void> => {
      this.evict();
      if (!this.running.has(token)) {
        const entry = this.finished.get(token);
        if (entry === undefined) return E.left(unknownTask(token));
        const done = entry.status === COMPLETED ? 'COMPLETED' : 'FAILED';
        return E.left(internal(`task ${token} is already ${done}; statuses only move forward`));
      }
      const referenceId = this.encode(JSON.stringify(payload));
      this.running.delete(token);
      this.finished.append(token, status, this.clock.now(), referenceId, this.best.bytes());
      // gives up a buffer a huge result grew (see ByteWriter.reset)
      this.attempt.reset();
      this.best.reset();
      this.evict();
      return E.right(undefined);
    });
  }

  /** Encodes `text` into `this.best` against the recent reference that gives the fewest bytes. */
  private encode(text: string): number {
    let bestId: number | undefined;
    for (const id of this.recent) {
      this.attempt.reset();
      encodeAgainst(this.references.get(id)!.reference, text, this.attempt);
      if (bestId === undefined || this.attempt.length < this.best.length) {
        bestId = id;
        // copied, not swapped: swapping the two writers let V8 grow the young generation by 8 MiB over
        // 100,000 tasks (the memory benchmark's ratio went from ~1.16 to ~1.30)
        this.best.reset();
        this.best.append(this.attempt.bytes());
      }
    }
    // a result unlike the recent ones becomes a reference itself
    if (bestId === undefined || this.best.length > text.length / 4) {
      bestId = this.addReference(text);
      this.best.reset();
      encodeAgainst(this.references.get(bestId)!.reference, text, this.best);
    }
    this.references.get(bestId)!.uses += 1;
    return bestId;
  }

  private addReference(text: string): number {
    const id = this.nextReferenceId++;
    this.references.set(id, { reference: makeReference(text), uses: 0 });
    this.recent = [id, ...this.recent];
    for (const dropped of this.recent.splice(RECENT_REFERENCES)) this.release(dropped, 0);
    return id;
  }

  /** Drops a reference no stored task and no new task will use. */
  private release(id: number, by: number): void {
    const entry = this.references.get(id);
    if (entry === undefined) return;
    entry.uses -= by;
    if (entry.uses <= 0 && !this.recent.includes(id)) this.references.delete(id);
  }

  private evict(): void {
    const now = this.clock.now();
    for (let at = this.finished.oldestFinishedAt(); at !== undefined; at = this.finished.oldestFinishedAt()) {
      const expired = now - at >= this.limits.ttlMs;
      if (!expired && this.running.size + this.finished.size <= this.limits.maxTasks) return;
      this.release(this.finished.dropOldest()!, 1);
    }
  }
}
