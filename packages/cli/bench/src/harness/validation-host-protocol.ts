/** How the bench calls a validation host (src/hosts/validation-host.ts). */
export type ValidationCommands = {
  /**
   * One round: `smallRuns` validations of the small descriptor, one of the large, `smallRuns` more of the
   * small (the large one sandwiched, so a drift in the machine's speed meets both sizes alike).
   */
  readonly round: readonly [
    { readonly smallRuns: number },
    { readonly smallMs: ReadonlyArray<number>; readonly largeMs: number },
  ];
};
