// The manifest `pnpm pack` / `pnpm publish` writes into the released tarball of the CLI. The released
// package is one esbuild bundle (scripts/bundle-cli.js) that already contains the workspace packages and
// every library they use, so it installs with no dependency at all: `npm install -g` of the tarball needs
// no registry. The workspace manifest keeps its real dependencies (the build needs them); only the packed
// copy is trimmed. If the bundle ever leaves a module external, list it in RUNTIME_DEPENDENCIES.
const RELEASED_PACKAGE = 'airbyte-provisioner';
const RUNTIME_DEPENDENCIES = [];

const pick = (record, names) =>
  Object.fromEntries(Object.entries(record ?? {}).filter(([name]) => names.includes(name)));

module.exports = {
  hooks: {
    beforePacking(pkg) {
      if (pkg.name !== RELEASED_PACKAGE) return pkg;
      const released = { ...pkg, dependencies: pick(pkg.dependencies, RUNTIME_DEPENDENCIES) };
      // the library entry (dist/src) is not shipped: the tarball is the command, nothing to import
      delete released.exports;
      delete released.devDependencies;
      delete released.scripts;
      if (Object.keys(released.dependencies).length === 0) delete released.dependencies;
      return released;
    },
  },
};
