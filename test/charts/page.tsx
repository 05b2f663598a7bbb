/**
 * The charts' check page (charts.e2e.ts): ChartsPanel alone, at the panel's width, on runs of the
 * template plan over the demo base computed in the page itself, as the playground computes them
 * (simulated base, facts read for the period, then the engine). `data-charts-ready` on the root
 * says the panel is rendered; `data-charts-error` carries a failure to compute.
 */
// The SDK looks for its interface when first loaded; the UI kit (Box, Heading) comes with it.
import '@airtable/blocks-testing';
import ReactDOM from 'react-dom';
import {ChartsPanel} from '../../frontend/charts/ChartsPanel';
import {LangProvider} from '../../frontend/state/lang';
import type {Lang} from '../../src/plan';
import {chartsPageData} from './pageData';

const asked = new URLSearchParams(window.location.search).get('lang');
const lang: Lang = asked === 'en' ? 'en' : 'zh';
const root = document.getElementById('root')!;

chartsPageData().then(
  (data) =>
    ReactDOM.render(
      <LangProvider initial={lang}>
        <ChartsPanel run={data.run} plan={data.plan} teamOf={new Map(data.teams)} trend={data.trend} />
      </LangProvider>,
      root,
      () => root.setAttribute('data-charts-ready', ''),
    ),
  (error: unknown) => root.setAttribute('data-charts-error', error instanceof Error ? error.message : String(error)),
);
