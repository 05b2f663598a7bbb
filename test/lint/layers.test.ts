/**
 * The layers of README "Layers", as `npm run lint` enforces them: ESLint's Node API with the
 * repository's own eslint.config.mjs, over files that cross a layer on purpose.
 *
 * ESLint loads its config with a dynamic import(), which jest's module sandbox refuses, so the
 * API runs in a plain Node child process: the same code path as `npx eslint`.
 */
import {execFileSync} from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

interface Message {
  ruleId: string | null;
  message: string;
  line: number;
}

interface Sample {
  /** Where the text would live: the layer is decided by the path. */
  file: string;
  code: string;
}

const LINT_TEXTS = `
import {ESLint} from 'eslint';
const samples = JSON.parse(process.argv[1]);
const eslint = new ESLint({cwd: process.cwd()});
const results = [];
for (const {file, code} of samples) {
  const [result] = await eslint.lintText(code, {filePath: file});
  results.push(result.messages.map(({ruleId, message, line}) => ({ruleId, message, line})));
}
process.stdout.write(JSON.stringify(results));
`;

/** Lints every sample in one child process (starting ESLint and its TypeScript parser is the slow part). */
function lint(samples: Sample[]): Message[][] {
  const absolute = samples.map((sample) => ({...sample, file: path.join(ROOT, sample.file)}));
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', LINT_TEXTS, JSON.stringify(absolute)], {cwd: ROOT, encoding: 'utf8'});
  return JSON.parse(stdout) as Message[][];
}

const samples: Record<string, Sample> = {
  coreImportsPipeline: {file: 'src/engine/layerProbe.ts', code: "import {refresh} from '../../frontend/run/pipeline';\nexport const probe = refresh;\n"},
  coreImportsSim: {file: 'src/layerProbe.ts', code: "import {demoBase} from '../sim/demoBase';\nexport const probe = demoBase;\n"},
  coreImportsSdk: {file: 'src/layerProbe.ts', code: "import type {Base} from '@airtable/blocks/models';\nexport type Probe = Base;\n"},
  coreImportsReact: {file: 'src/layerProbe.ts', code: "import {useState} from 'react';\nexport const probe = useState;\n"},
  distInFrontend: {file: 'frontend/run/layerProbe.ts', code: "import type Base from '@airtable/blocks/dist/types/src/models/base';\nexport type Probe = Base;\n"},
  distInTest: {file: 'test/layerProbe.test.ts', code: "import type {FixtureData} from '@airtable/blocks-testing/dist/types/src/mock_airtable_interface';\nexport type Probe = FixtureData;\n"},
  pipelineImportsView: {file: 'frontend/run/layerProbe.ts', code: "import type {PreviewTableProps} from './PreviewTable';\nexport type Probe = PreviewTableProps;\n"},
  cliImportsView: {file: 'scripts/layerProbe.ts', code: "import {RunView} from '../frontend/run/RunView';\nexport const probe = RunView;\n"},
  pipelineImportsUiKit: {file: 'frontend/adapter/layerProbe.ts', code: "import {Box} from '@airtable/blocks/ui';\nexport const probe = Box;\n"},
  cleanCore: {file: 'src/engine/layerProbe.ts', code: "import type {PlanDocument} from '../plan';\nexport type Probe = PlanDocument;\n"},
  cleanPipeline: {
    file: 'frontend/run/layerProbe.ts',
    code: "import type {Base} from '@airtable/blocks/models';\nimport type {PreviewRow} from './previewRows';\nexport type Probe = [Base, PreviewRow];\n",
  },
  coreImportsAutomation: {file: 'src/layerProbe.ts', code: "import {runAutomation} from '../automation/entry';\nexport const probe = runAutomation;\n"},
  automationImportsSdk: {file: 'automation/layerProbe.ts', code: "import type {Base} from '@airtable/blocks/models';\nexport type Probe = Base;\n"},
  automationImportsView: {file: 'automation/layerProbe.ts', code: "import {AutomateSection} from '../frontend/settings/AutomateSection';\nexport const probe = AutomateSection;\n"},
  cleanAutomation: {
    file: 'automation/layerProbe.ts',
    code: "import {computePreview} from '../frontend/run/pipeline';\nimport type {PlanDocument} from '../src/plan';\nexport const probe = computePreview;\nexport type Probe = PlanDocument;\n",
  },
  cleanView: {file: 'frontend/run/LayerProbe.tsx', code: "import {Box} from '@airtable/blocks/ui';\nimport {refresh} from './pipeline';\nexport const probe = [Box, refresh];\n"},
};

let results: Record<string, Message[]>;

beforeAll(() => {
  const names = Object.keys(samples);
  const messages = lint(names.map((name) => samples[name]));
  results = Object.fromEntries(names.map((name, i) => [name, messages[i]]));
}, 60_000);

const rulesOf = (name: string) => results[name].map((m) => m.ruleId);

describe('lint enforces the layers', () => {
  it('refuses src/ importing the shells around it', () => {
    for (const name of ['coreImportsPipeline', 'coreImportsSim']) {
      expect(rulesOf(name)).toEqual(['no-restricted-imports']);
      expect(results[name][0].message).toMatch(/src\/ is the pure core: it imports nothing from frontend\//);
      expect(results[name][0].line).toBe(1);
    }
  });

  it('refuses the SDK and React in src/', () => {
    expect(rulesOf('coreImportsSdk')).toEqual(['no-restricted-imports']);
    expect(results.coreImportsSdk[0].message).toMatch(/no Airtable SDK/);
    expect(rulesOf('coreImportsReact')).toEqual(['no-restricted-imports']);
    expect(results.coreImportsReact[0].message).toMatch(/No React here/);
  });

  it("refuses the SDK's dist/ paths everywhere, tests included", () => {
    for (const name of ['distInFrontend', 'distInTest']) {
      expect(rulesOf(name)).toEqual(['no-restricted-imports']);
      expect(results[name][0].message).toMatch(/public entry points/);
    }
  });

  it('refuses a view (.tsx) or the UI kit in the pipeline and the CLI', () => {
    expect(rulesOf('pipelineImportsView')).toEqual(['layers/no-view-imports']);
    expect(results.pipelineImportsView[0].message).toContain("'./PreviewTable' is a view (.tsx)");
    expect(rulesOf('cliImportsView')).toEqual(['layers/no-view-imports']);
    expect(rulesOf('pipelineImportsUiKit')).toEqual(['no-restricted-imports']);
  });

  it('keeps the automation script free of the SDK and the views, and the core free of it', () => {
    expect(rulesOf('coreImportsAutomation')).toEqual(['no-restricted-imports']);
    expect(results.coreImportsAutomation[0].message).toMatch(/imports nothing from frontend\/, automation\//);
    expect(rulesOf('automationImportsSdk')).toEqual(['no-restricted-imports']);
    expect(results.automationImportsSdk[0].message).toMatch(/runs inside an Airtable automation/);
    expect(rulesOf('automationImportsView')).toEqual(['layers/no-view-imports']);
    expect(results.cleanAutomation).toEqual([]);
  });

  it('passes imports that follow the layers', () => {
    expect(results.cleanCore).toEqual([]);
    expect(results.cleanPipeline).toEqual([]);
    expect(results.cleanView).toEqual([]);
  });
});
