/** Provisioning requests for the reliability suite: the File → Snowflake example, renamed per component. */
import { readFileSync } from 'node:fs';

const example = readFileSync(new URL('../../../../examples/file-to-snowflake.yaml', import.meta.url), 'utf8');

export interface Variant {
  /** Distinguishes components: names and ids carry it. */
  readonly key: string;
  /** Changes the destination schema, so a re-deploy has something to update. */
  readonly schema?: string;
  /** Extra source provider fields (e.g. a password, a secret in the descriptor). */
  readonly providerExtra?: string;
}

export const descriptorOf = (variant: Variant): string => {
  let text = example
    .replaceAll('healthcare.vaccinations.0', `healthcare.vaccinations.${variant.key}`)
    .replaceAll(':airbyte-workload', `:airbyte-workload-${variant.key}`);
  if (variant.schema !== undefined)
    text = text.replace('schema: VACCINATIONS_0', `schema: ${variant.schema}`);
  if (variant.providerExtra !== undefined)
    text = text.replace(
      '              user_agent: false\n',
      `              user_agent: false\n${variant.providerExtra}`,
    );
  return text;
};

export const requestOf = (variant: Variant, removeData = false): string =>
  JSON.stringify({ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor: descriptorOf(variant), removeData });

export const namesOf = (key: string) => ({
  source: `healthcare.vaccinations.${key}.File`,
  destination: `healthcare.vaccinations.${key}.Snowflake`,
  connection: `healthcare.vaccinations.${key}.File-to-Snowflake`,
});
