/** `pnpm bench [-- --only <group>[,<group>...]] [-- --compare <git ref>]`. */

export interface BenchArguments {
  /** Group ids to run; all when absent. */
  readonly only?: ReadonlyArray<string>;
  /** A git ref whose build is measured beside the current tree. */
  readonly compare?: string;
}

/** Accepts `--flag value` and `--flag=value`; anything else is an error that names it. */
export const parseArguments = (argv: ReadonlyArray<string>): BenchArguments => {
  const parsed: { only?: ReadonlyArray<string>; compare?: string } = {};
  for (let i = 0; i < argv.length; i += 1) {
    const argument = argv[i] ?? '';
    if (argument === '--') continue;
    const [flag = '', inline] = argument.split(/=(.*)/s, 2);
    if (flag !== '--only' && flag !== '--compare') {
      throw new Error(`unknown argument ${argument}: use --only <figure group> or --compare <git ref>`);
    }
    const value = inline ?? argv[(i += 1)];
    if (value === undefined || value === '') throw new Error(`${flag} needs a value`);
    if (flag === '--only') parsed.only = value.split(',').filter((id) => id !== '');
    else parsed.compare = value;
  }
  return parsed;
};
