import {existsSync} from 'node:fs';
import path from 'node:path';
import tseslint from 'typescript-eslint';

/*
 * Layers (README "Layers"): what may import what.
 * - src/ is the pure core: no React, no Airtable SDK, and nothing from the shells around it
 *   (frontend/, sim/, playground/, scripts/, bench/, test/).
 * - The SDK is imported through its public entry points only (`@airtable/blocks`, `/models`, `/ui`,
 *   `/types`, `/unstable_testing_utils`, `@airtable/blocks-testing`), never from a package's dist/:
 *   those are build paths that move between releases.
 * - The run pipeline (frontend/run/*.ts, frontend/adapter/) and the Node hosts around it (scripts/,
 *   sim/, bench/) import no view: no React, no UI kit, no .tsx module. Views import the pipeline,
 *   never the reverse, so the headless CLI runs the extension's own code without React.
 * - automation/ is bundled into a script that runs inside an Airtable automation: it imports the
 *   core and the pipeline, but no SDK (not even its types), no React, no view, nothing of the Node
 *   hosts or tests. src/ never imports it.
 */

/** Everywhere: the SDK's public entry points, never its build output. */
const publicEntryPoints = [
  {
    regex: '^@airtable/blocks(-testing)?/dist(/|$)',
    message: "Import the SDK from its public entry points ('@airtable/blocks/models', '/ui', '/types'), not from dist/.",
  },
];

const noReact = [
  {regex: '^react(-dom)?(/|$)', message: 'No React here: this layer runs without a view (see README "Layers").'},
  {regex: '^@airtable/blocks/ui(/|$)', message: 'No SDK UI kit here: this layer runs without a view (see README "Layers").'},
];

const restrict = (...patterns) => ['error', {patterns: [...publicEntryPoints, ...patterns]}];

/**
 * A view is a .tsx module. no-restricted-imports sees only the import's text, not the file it
 * names, so this rule resolves relative imports and refuses those that land on a .tsx file.
 */
const noViewImports = {
  meta: {
    type: 'problem',
    docs: {description: 'The pipeline and the Node hosts import no view (.tsx module).'},
    messages: {view: "'{{source}}' is a view (.tsx): views import from the pipeline, never the reverse. Move what is shared to a .ts module."},
    schema: [],
  },
  create(context) {
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(context.filename), source);
      if (target.endsWith('.tsx') || existsSync(`${target}.tsx`) || existsSync(path.join(target, 'index.tsx'))) {
        context.report({node: node.source, messageId: 'view', data: {source}});
      }
    };
    return {ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check};
  },
};

export default tseslint.config(
  {ignores: ['node_modules', 'dist', 'build', 'artifacts', '**/*.js', '**/*.mjs']},
  ...tseslint.configs.recommended,
  {
    plugins: {layers: {rules: {'no-view-imports': noViewImports}}},
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': restrict(),
    },
  },
  {
    // The core is pure: no React, no Airtable, nothing from the layers above it.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      'no-restricted-imports': restrict(
        ...noReact,
        {regex: '^@airtable/', message: 'src/ is the pure core: no Airtable SDK (see README "Layers").'},
        {
          regex: '^(\\.\\./)+(frontend|automation|sim|playground|scripts|bench|test)(/|$)',
          message: 'src/ is the pure core: it imports nothing from frontend/, automation/, sim/, playground/, scripts/, bench/ or test/.',
        },
      ),
      'layers/no-view-imports': 'error',
    },
  },
  {
    // The run pipeline and the Node hosts that drive it (CLI, bench, simulated base).
    files: ['frontend/run/**/*.ts', 'frontend/adapter/**/*.ts', 'scripts/**/*.ts', 'sim/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(...noReact),
      'layers/no-view-imports': 'error',
    },
  },
  {
    // The automation script: one bundle pasted into an automation, where no SDK and no DOM exist.
    files: ['automation/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ...noReact,
        {regex: '^@airtable/', message: 'automation/ runs inside an Airtable automation: no extension SDK, not even its types (see README "Layers").'},
        {
          regex: '^(\\.\\./)+(sim|playground|scripts|bench|test)(/|$)',
          message: 'automation/ imports the core and the pipeline only, nothing from sim/, playground/, scripts/, bench/ or test/.',
        },
      ),
      'layers/no-view-imports': 'error',
    },
  },
);
