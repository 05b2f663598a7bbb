/**
 * The charts' check page (browser.check.ts): ChartsPanel alone, at the panel's width, on a run
 * the check computed with the engine and put on the page as `window.chartsData`.
 */
// The SDK looks for its interface when first loaded; the UI kit (Box, Heading) comes with it.
import '@airtable/blocks-testing';
import ReactDOM from 'react-dom';
import {ChartsPanel} from '../../frontend/charts/ChartsPanel';
import {LangProvider} from '../../frontend/state/lang';
import type {Lang, PlanDocument} from '../../src/plan';
import type {RunResult} from '../../src/results';
import type {TrendRow} from '../../src/charts';

export interface ChartsPageData {
  plan: Pick<PlanDocument, 'versions' | 'currency'>;
  run: RunResult;
  teams: [string, string | null][];
  trend: {name: string; rows: TrendRow[]};
}

const data = (window as unknown as {chartsData: ChartsPageData}).chartsData;
const asked = new URLSearchParams(window.location.search).get('lang');
const lang: Lang = asked === 'en' ? 'en' : 'zh';
const teams = new Map(data.teams);

ReactDOM.render(
  <LangProvider initial={lang}>
    <ChartsPanel run={data.run} plan={data.plan} teamOf={teams} trend={data.trend} />
  </LangProvider>,
  document.getElementById('root'),
);
