/** The stop signal of the long-running commands (`serve`, `sandbox`): the first SIGTERM or SIGINT. */

export interface UntilSignal {
  /** Resolves on the first SIGTERM or SIGINT. */
  readonly received: Promise<NodeJS.Signals>;
  /** Stops listening, so that a later signal has its default effect again (a command that failed to start). */
  readonly cancel: () => void;
}

export const untilSignal = (): UntilSignal => {
  let on: (signal: NodeJS.Signals) => void = () => {};
  const cancel = (): void => {
    process.off('SIGTERM', on);
    process.off('SIGINT', on);
  };
  const received = new Promise<NodeJS.Signals>((resolve) => {
    on = (signal) => {
      cancel();
      resolve(signal);
    };
    process.once('SIGTERM', on);
    process.once('SIGINT', on);
  });
  return { received, cancel };
};
