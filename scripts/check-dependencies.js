// The package graph is the hexagon: this check fails the build when a package.json lets an arrow point
// outward. Source imports are checked by eslint's no-restricted-imports rules (eslint.config.js).
import { readFileSync } from 'node:fs';

const allowed = {
  core: { runtime: ['fp-ts', 'io-ts', 'yaml'], workspace: [] },
  'adapter-airbyte': { workspace: ['core'] },
  'adapter-http': { workspace: ['core'] },
  'node-runtime': { runtime: [], workspace: ['core'] },
  'adapter-postgres': { workspace: ['core'] },
  cli: { workspace: ['core', 'node-runtime', 'adapter-airbyte', 'adapter-http', 'adapter-postgres'] },
};

const problems = [];
for (const [name, rule] of Object.entries(allowed)) {
  const pkg = JSON.parse(readFileSync(new URL(`../packages/${name}/package.json`, import.meta.url), 'utf8'));
  for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })) {
    const workspaceDep = dep.startsWith('@airbyte-provisioner/')
      ? dep.slice('@airbyte-provisioner/'.length)
      : null;
    if (workspaceDep !== null && !rule.workspace.includes(workspaceDep)) {
      problems.push(`${name} must not depend on ${dep}`);
    }
    if (workspaceDep === null && rule.runtime && !rule.runtime.includes(dep)) {
      problems.push(`${name} may depend on ${rule.runtime.join(', ')} only, not ${dep}`);
    }
  }
}
if (problems.length > 0) {
  console.error(`Dependency check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('Dependency check passed: the package graph points inward.');
