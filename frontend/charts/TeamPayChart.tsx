/**
 * Pay by team (各团队收入构成), stacked by component. Base salary is hidden at first (it dwarfs the
 * incentives the chart is about); its legend item shows it. Tooltips give the exact amounts.
 */
import {Bar} from 'react-chartjs-2';
import type {Currency} from '../../src/plan';
import {PAY_COMPONENTS, type PayByTeam, type TeamPay} from '../../src/charts';
import './register';
import {ChartCard} from './ChartCard';
import {horizontalBarOptions} from './barOptions';
import {PART_COLOURS} from './palette';
import {useChartText, type ChartText} from './useChartText';

function teamLabel(row: TeamPay, text: ChartText): string {
  if (row.kind === 'noTeam') return text.t('charts.teamPay.noTeam');
  if (row.kind === 'otherTeams') return text.t('charts.teamPay.otherTeams', {count: row.teams});
  return row.team ?? '';
}

export function TeamPayChart({pay, currency}: {pay: PayByTeam; currency: Pick<Currency, 'code' | 'precision'>}) {
  const text = useChartText(currency);
  const {t, locale, money, people} = text;
  const rows = pay.rows;
  const labels = rows.map((row) => teamLabel(row, text));
  const options = horizontalBarOptions(
    locale,
    {
      label: (item) => `${item.dataset.label}: ${money.full(rows[item.dataIndex].parts[PAY_COMPONENTS[item.datasetIndex]])}`,
      footer: (items) => {
        const row = items.length ? rows[items[0].dataIndex] : undefined;
        return row ? [t('charts.teamPay.total', {amount: money.full(row.totalPay)}), people(row.participants)] : [];
      },
    },
    {
      x: {stacked: true, beginAtZero: true, ticks: {callback: (value) => money.axis(Number(value)), maxTicksLimit: 6, autoSkipPadding: 12}, title: {display: true, text: t('charts.axis.pay', {currency: money.symbol})}},
      y: {stacked: true, grid: {display: false}},
    },
  );
  const title = t('charts.teamPay.title');
  return (
    <ChartCard title={title} height={90 + rows.length * 34} note={t('charts.teamPay.hint')}>
      <Bar
        role="img"
        aria-label={`${title}: ${rows.map((row, i) => `${labels[i]} ${t('charts.teamPay.total', {amount: money.full(row.totalPay)})}`).join(', ')}`}
        data={{
          labels,
          datasets: PAY_COMPONENTS.map((component) => ({
            label: t(`charts.part.${component}`),
            // Numbers only to place the bars; the tooltip shows the exact decimal string.
            data: rows.map((row) => Number(row.parts[component])),
            backgroundColor: PART_COLOURS[component],
            hidden: component === 'baseSalary',
          })),
        }}
        options={options}
      />
    </ChartCard>
  );
}
