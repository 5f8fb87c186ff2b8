/** How the bench calls a validation host (src/hosts/validation-host.ts). */
export type ValidationCommands = {
  /** Validates the small descriptor `smallRuns` times and the large one `largeRuns` times, in that order or the other. */
  readonly round: readonly [
    { readonly smallRuns: number; readonly largeRuns: number; readonly smallFirst: boolean },
    { readonly smallMs: ReadonlyArray<number>; readonly largeMs: ReadonlyArray<number> },
  ];
};
