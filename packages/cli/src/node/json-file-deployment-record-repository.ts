/**
 * Deployment records in a JSON file (`--state <file>` of the CLI), so that consecutive CLI runs find what
 * the previous one created and can compare secret fingerprints: an unchanged re-provision then writes
 * nothing to Airbyte. Writes go to a temporary file renamed over the old one, so a crash never leaves a
 * half-written state. One CLI process uses a file at a time; concurrent processes are not coordinated.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import {
  decodeWith,
  formatProblem,
  internal,
  type DeploymentRecord,
  type DeploymentRecordRepository,
  type ProvisioningError,
} from '@airbyte-provisioner/core';
import { StateFile } from './deployment-record.codec.js';
import { jsonSyntaxProblem } from './json-syntax.js';

const EMPTY: StateFile = { version: 1, records: {} };

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const isMissing = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';

export class JsonFileDeploymentRecordRepository implements DeploymentRecordRepository {
  constructor(private readonly path: string) {}

  readonly get = (componentId: string): TE.TaskEither<ProvisioningError, O.Option<DeploymentRecord>> =>
    pipe(
      this.read(),
      TE.map((state) => O.fromNullable(state.records[componentId])),
    );

  readonly put = (componentId: string, record: DeploymentRecord): TE.TaskEither<ProvisioningError, void> =>
    this.update((records) => ({ ...records, [componentId]: record }));

  readonly remove = (componentId: string): TE.TaskEither<ProvisioningError, void> =>
    this.update((records) =>
      Object.fromEntries(Object.entries(records).filter(([id]) => id !== componentId)),
    );

  /** Why the file cannot be used, if it cannot: read before a command starts, so that it fails as bad input. */
  readonly problem = async (): Promise<string | undefined> => {
    const state = await this.read()();
    return E.isLeft(state) && state.left._tag === 'Internal' ? state.left.message : undefined;
  };

  private read(): TE.TaskEither<ProvisioningError, StateFile> {
    return pipe(
      TE.tryCatch(
        async () => {
          try {
            return O.some(await readFile(this.path, 'utf8'));
          } catch (error) {
            if (isMissing(error)) return O.none;
            throw error;
          }
        },
        (error) => internal(`cannot read the state file ${this.path}: ${reason(error)}`),
      ),
      TE.chainEitherK((text) =>
        O.isNone(text)
          ? E.right(EMPTY)
          : pipe(
              E.tryCatch(
                (): unknown => JSON.parse(text.value),
                () =>
                  internal(`the state file ${this.path} ${jsonSyntaxProblem(text.value) ?? 'is not JSON'}`),
              ),
              E.chain((json) =>
                pipe(
                  decodeWith(StateFile)(json),
                  E.mapLeft((problems) =>
                    internal(
                      `the state file ${this.path} is not a state file: ${problems.map(formatProblem).join('; ')}`,
                    ),
                  ),
                ),
              ),
            ),
      ),
    );
  }

  private update(
    change: (records: StateFile['records']) => StateFile['records'],
  ): TE.TaskEither<ProvisioningError, void> {
    return pipe(
      this.read(),
      TE.chain((state) =>
        TE.tryCatch(
          async () => {
            const temporary = `${this.path}.${process.pid}.tmp`;
            const next: StateFile = { version: 1, records: change(state.records) };
            await writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
            await rename(temporary, this.path);
          },
          (error) => internal(`cannot write the state file ${this.path}: ${reason(error)}`),
        ),
      ),
    );
  }
}
