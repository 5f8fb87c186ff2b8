/**
 * What the CLI and `updateacl` receive as "a request": either a whole ProvisioningRequest as JSON, or a bare
 * component descriptor (YAML or JSON), which is wrapped as a COMPONENT_DESCRIPTOR request.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { ConnectorProfiles } from '../domain/connector-profile.js';
import type { Problem } from '../errors/problem.js';
import { decodeWith } from '../requests/decode.js';
import { ProvisioningRequest, type UpdateAclRequest } from '../requests/requests.codec.js';
import { parseYamlSafely } from './safe-yaml.js';
import { validateProvisioningRequest } from './validate-provisioning-request.js';
import type { ValidatedComponent } from './validated-component.js';

export const parseRequestFile = (
  text: string,
  path = '',
): E.Either<ReadonlyArray<Problem>, ProvisioningRequest> => {
  const parsed = parseYamlSafely(text, path);
  if (E.isLeft(parsed)) return parsed;
  const value = parsed.right;
  if (typeof value === 'object' && value !== null && 'descriptorKind' in value) {
    return decodeWith(ProvisioningRequest, path)(value);
  }
  return E.right({ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor: text });
};

const prefixed =
  (prefix: string) =>
  (problems: ReadonlyArray<Problem>): ReadonlyArray<Problem> =>
    problems.map((p) => ({
      ...p,
      path: p.path === '' || p.path === prefix ? prefix : `${prefix}.${p.path}`,
    }));

/** `provisionInfo.request` must be a request this provisioner would accept. */
export const validateUpdateAclRequest =
  (profiles: ConnectorProfiles) =>
  (request: UpdateAclRequest): E.Either<ReadonlyArray<Problem>, ValidatedComponent> => {
    const path = 'provisionInfo.request';
    const parsed = parseRequestFile(request.provisionInfo.request, path);
    if (E.isLeft(parsed)) return parsed;
    return E.mapLeft(prefixed(path))(
      validateProvisioningRequest(profiles)({ ...parsed.right, latestEnrichedDescriptor: '' }),
    );
  };
