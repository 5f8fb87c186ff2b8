/**
 * What one operation has done so far: the user-facing log and the deployment record (ids, fingerprints).
 * It lives for one request and is written as steps succeed, so that a failure half-way still reports,
 * and records, exactly what was created: nothing is orphaned, a retry finds it.
 */
import type { DeploymentRecord, LogEntry, LogLevel, OperationFailure } from '../domain/operation-result.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import type { Clock } from '../ports/clock.port.js';

export class OperationJournal {
  private readonly entries: LogEntry[] = [];
  private current: DeploymentRecord;

  constructor(
    private readonly clock: Clock,
    workspaceId: string,
  ) {
    this.current = { workspaceId };
  }

  get logs(): ReadonlyArray<LogEntry> {
    return [...this.entries];
  }

  get record(): DeploymentRecord {
    return this.current;
  }

  readonly log = (level: LogLevel, message: string, phase?: string): void => {
    this.entries.push({
      timestamp: new Date(this.clock.now()).toISOString(),
      level,
      message,
      ...(phase === undefined ? {} : { phase }),
    });
  };

  readonly info = (message: string, phase?: string): void => this.log('INFO', message, phase);
  readonly warn = (message: string, phase?: string): void => this.log('WARNING', message, phase);

  /** Sets fields of the record; an `undefined` value removes the field. */
  readonly note = (patch: {
    readonly [K in keyof DeploymentRecord]?: DeploymentRecord[K] | undefined;
  }): void => {
    const merged: Record<string, unknown> = { ...this.current, ...patch };
    for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
    this.current = merged as unknown as DeploymentRecord;
  };

  readonly failure = (error: ProvisioningError, withRecord: boolean): OperationFailure => {
    this.log('ERROR', describeError(error));
    return {
      error,
      logs: this.logs,
      ...(withRecord ? { info: { publicInfo: {}, privateInfo: { airbyte: { ...this.current } } } } : {}),
    };
  };
}

/** One line a data engineer can act on; never carries a secret (errors never hold one). */
export const describeError = (error: ProvisioningError): string => {
  switch (error._tag) {
    case 'InvalidRequest':
      return `The request is invalid: ${error.problems.map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`)).join('; ')}`;
    case 'Unsupported':
      return error.message;
    case 'UnknownTask':
      return `No task with token ${error.token} (never issued, or expired)`;
    case 'StateConflict':
      return `Stopped at "${error.step}": ${error.message}`;
    case 'AirbyteFailure':
      return `Airbyte failed at "${error.step}": ${error.error.detail}`;
    case 'StateUnavailable':
      return `The provisioner's state store is unavailable: ${error.message}`;
    case 'Internal':
      return `Internal error: ${error.message}`;
  }
};
