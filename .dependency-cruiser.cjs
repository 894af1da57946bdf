/**
 * The layers of src/ and the rule between them, enforced by `npm run lint` (docs/architecture.md
 * draws them): an import points down, never up or across, and no two files import each other in
 * a cycle.
 *
 *   cli → experiment, report, ui → scenario → model → engine
 *
 * Shared at the bottom: errors.ts, paths.ts, printable.ts, files/ (every layer may use them);
 * format.ts formats by the model's metric catalogue, so it sits above the model.
 * test/architecture.integration.test.ts writes files that break each rule and runs this config on them.
 */
const layer = (name) => `^src/${name}/`;
const SHARED = '^src/(errors|paths|printable)\\.ts$|^src/files/';

/** A layer and the ones it may import (besides itself and the shared bottom). */
const LAYERS = [
  { name: 'engine', may: [] },
  { name: 'model', may: ['engine'] },
  { name: 'scenario', may: ['model', 'engine'] },
  { name: 'experiment', may: ['scenario', 'model', 'engine', 'format'] },
  { name: 'report', may: ['experiment', 'scenario', 'model', 'engine', 'format'] },
  { name: 'ui', may: ['experiment', 'scenario', 'model', 'engine', 'format'] },
  { name: 'cli', may: ['experiment', 'report', 'ui', 'scenario', 'model', 'engine', 'format'] },
];

const pathOf = (name) => (name === 'format' ? '^src/format\\.ts$' : layer(name));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Two files that import each other (however far round) load in an order that works by luck: break the cycle.',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-cycle-through-types',
      severity: 'error',
      comment:
        'Files that refer to each other in a cycle, even through types only, are one idea split badly. The model\'s entities still do (issue 20: the World split); those are listed in .dependency-cruiser-known-violations.json and `npm run lint` fails on any new one.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...LAYERS.map(({ name, may }) => ({
      name: `layer-${name}`,
      severity: 'error',
      comment: `src/${name}/ may import ${may.length === 0 ? 'nothing of ours' : may.join(', ')} (and the shared bottom): an import must point down the layers.`,
      from: { path: layer(name) },
      to: { path: '^src/', pathNot: [layer(name), SHARED, ...may.map(pathOf)] },
    })),
    {
      name: 'shared-bottom',
      severity: 'error',
      comment: 'errors.ts, paths.ts, printable.ts and files/ are used by every layer, so they import none.',
      from: { path: SHARED },
      to: { path: '^src/', pathNot: SHARED },
    },
    {
      name: 'format-above-model',
      severity: 'error',
      comment: 'format.ts reads the metric catalogue; it may not reach higher.',
      from: { path: '^src/format\\.ts$' },
      to: { path: '^src/', pathNot: ['^src/model/observation/metric-catalogue\\.ts$', SHARED] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Dynamic imports (a command's module loaded when it runs) are dependencies too.
    exoticRequireStrings: [],
  },
};
