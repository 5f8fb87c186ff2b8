/** A whole `UseCases` for stand-in collaborators: the given ones, and the rest failing loudly if called. */
import type { CoreDeps, UseCases } from '@airbyte-provisioner/core';

const notUsed = (name: string) => (): never => {
  throw new Error(`${name} is not used by this test`);
};

export const standInUseCases = (
  deps: CoreDeps,
  given: Partial<Omit<UseCases, 'background'>> = {},
): UseCases => ({
  validate: notUsed('validate'),
  plan: notUsed('plan'),
  provision: notUsed('provision'),
  unprovision: notUsed('unprovision'),
  updateAcl: notUsed('updateAcl'),
  submitUpdateAcl: notUsed('submitUpdateAcl'),
  submitProvision: notUsed('submitProvision'),
  submitUnprovision: notUsed('submitUnprovision'),
  getProvisioningStatus: notUsed('getProvisioningStatus'),
  submitValidation: notUsed('submitValidation'),
  getValidationStatus: notUsed('getValidationStatus'),
  reverseProvision: notUsed('reverseProvision'),
  getReverseProvisioningStatus: notUsed('getReverseProvisioningStatus'),
  checkReady: notUsed('checkReady'),
  ...given,
  background: deps.background,
});
