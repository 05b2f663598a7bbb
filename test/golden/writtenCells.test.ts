/**
 * @jest-environment jsdom
 *
 * The written cells of refreshes on the demo bases equal the reference set made before a
 * refactoring (see writtenCells.ts). A failure names the scenario, period and result field whose
 * cells changed; regenerate with `npx tsx scripts/golden.ts --write` only for a deliberate change.
 */
import expected from './written-cells.json';
import {runScenario, SCENARIOS} from './writtenCells';

jest.setTimeout(120_000);

describe('written cells of whole refreshes equal the reference', () => {
  for (const scenario of SCENARIOS) {
    it(scenario.name, async () => {
      const digests = await runScenario(scenario);
      expect(digests).toEqual((expected as Record<string, unknown>)[scenario.name]);
    });
  }
});
