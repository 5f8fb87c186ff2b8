/**
 * Tasks in process memory. Finished tasks live `ttlMs` and at most `maxTasks` tasks are kept; when full,
 * the oldest finished ones go first and a RUNNING task is never dropped. Expiry is checked against the
 * Clock on each call (no timers).
 *
 * Memory: 100,000 finished results must stay cheap, so each task is one string in one Map. A finished
 * task's string holds its status, finishing time and its result as edits against a shared reference
 * result (results differ mostly in ids and timestamps; see `delta-codec.ts`). A task is moved to the end
 * of the Map when it finishes, so the Map's order is finishing order and eviction reads from its head.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { OperationFailure } from '../domain/operation-result.js';
import { internal, unknownTask, type ProvisioningError } from '../errors/provisioning-error.js';
import type { Clock } from '../ports/clock.port.js';
import type { TaskRepository } from '../ports/task-repository.port.js';
import type { TaskView } from '../use-cases/use-case.types.js';
import {
  decodeAgainst,
  encodeAgainst,
  makeReference,
  readVarint,
  unzigzag,
  writeVarint,
  zigzag,
  type Reference,
} from './delta-codec.js';

export interface TaskRepositoryLimits {
  readonly ttlMs: number;
  readonly maxTasks: number;
}

export const defaultTaskRepositoryLimits: TaskRepositoryLimits = {
  ttlMs: 24 * 60 * 60 * 1000,
  maxTasks: 100_000,
};

const RUNNING = 'R';
const COMPLETED = 'C';
const FAILED = 'F';
/** References tried for each new result: enough for a success shape and a few failure shapes. */
const RECENT_REFERENCES = 4;

interface Header {
  readonly status: typeof COMPLETED | typeof FAILED;
  readonly finishedAt: number;
  readonly referenceId: number;
  /** Where the edits start. */
  readonly body: number;
}

export class InMemoryTaskRepository<A> implements TaskRepository<A> {
  private readonly tasks = new Map<string, string>();
  private readonly references = new Map<number, { readonly reference: Reference; uses: number }>();
  private recent: number[] = [];
  private nextReferenceId = 0;
  private readonly epoch: number;

  constructor(
    private readonly clock: Clock,
    private readonly limits: TaskRepositoryLimits = defaultTaskRepositoryLimits,
  ) {
    this.epoch = clock.now();
  }

  /** How many tasks are held (running and finished), after expiry. */
  readonly size = (): number => {
    this.evict();
    return this.tasks.size;
  };

  readonly create = (token: string): TE.TaskEither<ProvisioningError, void> =>
    TE.fromIOEither((): E.Either<ProvisioningError, void> => {
      this.evict();
      if (this.tasks.has(token)) return E.left(internal(`task token ${token} is already in use`));
      this.tasks.set(token, RUNNING);
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
      const code = this.tasks.get(token);
      if (code === undefined) return E.left(unknownTask(token));
      if (code === RUNNING) return E.right({ status: 'RUNNING' });
      const header = this.header(code);
      const text = decodeAgainst(this.referenceText(header.referenceId), code, { i: header.body });
      return E.right(
        header.status === COMPLETED
          ? { status: 'COMPLETED', value: JSON.parse(text) as A }
          : { status: 'FAILED', failure: JSON.parse(text) as OperationFailure },
      );
    });

  private finish(
    token: string,
    status: typeof COMPLETED | typeof FAILED,
    payload: unknown,
  ): TE.TaskEither<ProvisioningError, void> {
    return TE.fromIOEither((): E.Either<ProvisioningError, void> => {
      this.evict();
      const code = this.tasks.get(token);
      if (code === undefined) return E.left(unknownTask(token));
      if (code !== RUNNING) {
        const done = this.header(code).status === COMPLETED ? 'COMPLETED' : 'FAILED';
        return E.left(internal(`task ${token} is already ${done}; statuses only move forward`));
      }
      // re-inserted at the end: the Map's order is finishing order
      this.tasks.delete(token);
      this.tasks.set(token, this.encode(status, JSON.stringify(payload)));
      this.evict();
      return E.right(undefined);
    });
  }

  private encode(status: typeof COMPLETED | typeof FAILED, text: string): string {
    const attempt = (id: number): string[] => {
      const out: string[] = [status];
      writeVarint(out, zigzag(this.clock.now() - this.epoch));
      writeVarint(out, id);
      encodeAgainst(this.references.get(id)!.reference, text, out);
      return out;
    };
    let best: { readonly id: number; readonly out: string[] } | undefined;
    for (const id of this.recent) {
      const out = attempt(id);
      if (best === undefined || out.join('').length < best.out.join('').length) best = { id, out };
    }
    // a result unlike the recent ones becomes a reference itself
    if (best === undefined || best.out.join('').length > text.length / 4)
      best = { id: this.addReference(text), out: [] };
    const out = best.out.length > 0 ? best.out : attempt(best.id);
    this.references.get(best.id)!.uses += 1;
    return out.join('');
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

  private referenceText(id: number): string {
    return this.references.get(id)?.reference.text ?? '';
  }

  private header(code: string): Header {
    const at = { i: 1 };
    const finishedAt = this.epoch + unzigzag(readVarint(code, at));
    const referenceId = readVarint(code, at);
    return { status: code[0] === COMPLETED ? COMPLETED : FAILED, finishedAt, referenceId, body: at.i };
  }

  private evict(): void {
    const now = this.clock.now();
    for (const [token, code] of this.tasks) {
      if (code === RUNNING) continue;
      const header = this.header(code);
      const expired = now - header.finishedAt >= this.limits.ttlMs;
      if (!expired && this.tasks.size <= this.limits.maxTasks) return;
      this.tasks.delete(token);
      this.release(header.referenceId, 1);
    }
  }
}
