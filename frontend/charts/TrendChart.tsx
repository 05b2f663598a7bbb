/**
 * A person's trend across periods (个人趋势): pay stacked by component per period (left axis)
 * and the total score as a line (right axis); the tooltip names the grade of each period.
 */
import {Chart} from 'react-chartjs-2';
import type {ChartData, ChartOptions} from 'chart.js';
import {Text} from '@airtable/blocks/ui';
import type {Currency} from '../../src/plan';
import type {TrendSeries} from '../../src/charts';
import './register';
import {ChartCard} from './ChartCard';
import {LINE_COLOUR, PART_COLOURS} from './palette';
import {useChartText} from './useChartText';

export function TrendChart({name, trend, currency}: {name: string; trend: TrendSeries; currency: Pick<Currency, 'code' | 'precision'>}) {
  const {t, locale, money, number} = useChartText(currency);
  const title = t('charts.trend.title', {name});
  if (trend.labels.length === 0) {
    return (
      <ChartCard title={title} height={0}>
        <Text size="default">{t('charts.trend.empty', {name})}</Text>
      </ChartCard>
    );
  }
  const scoreLabel = t('charts.trend.score');
  const parts = trend.parts;
  const data: ChartData<'bar' | 'line', number[], string> = {
    labels: trend.labels,
    datasets: [
      {
        type: 'line',
        label: scoreLabel,
        data: trend.totalScore.map(Number),
        borderColor: LINE_COLOUR,
        backgroundColor: LINE_COLOUR,
        yAxisID: 'score',
        order: 0,
      },
      ...parts.map((series) => ({
        type: 'bar' as const,
        label: t(`charts.part.${series.part}`),
        data: series.values.map(Number),
        backgroundColor: PART_COLOURS[series.part],
        yAxisID: 'pay',
        stack: 'pay',
        order: 1,
      })),
    ],
  };
  const options: ChartOptions<'bar' | 'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    locale,
    interaction: {mode: 'index', intersect: false},
    plugins: {
      legend: {position: 'bottom', labels: {boxWidth: 12}},
      tooltip: {
        callbacks: {
          label: (item) => {
            if (item.datasetIndex === 0) {
              const grade = trend.grade[item.dataIndex];
              return `${scoreLabel}: ${number(trend.totalScore[item.dataIndex])}${grade ? ` (${t('charts.grades.grade', {grade})})` : ''}`;
            }
            return `${item.dataset.label}: ${money.full(parts[item.datasetIndex - 1].values[item.dataIndex])}`;
          },
          footer: (items) => (items.length ? [t('charts.teamPay.total', {amount: money.full(trend.totalPay[items[0].dataIndex])})] : []),
        },
      },
    },
    scales: {
      x: {stacked: true, grid: {display: false}},
      pay: {type: 'linear', position: 'left', stacked: true, beginAtZero: true, title: {display: true, text: t('charts.axis.pay', {currency: money.symbol})}, ticks: {callback: (value) => money.axis(Number(value)), maxTicksLimit: 6, autoSkipPadding: 12}},
      score: {type: 'linear', position: 'right', beginAtZero: true, grid: {display: false}, title: {display: true, text: scoreLabel, color: LINE_COLOUR}},
    },
  };
  return (
    <ChartCard title={title} height={260}>
      <Chart
        type="bar"
        role="img"
        aria-label={`${title}: ${trend.labels.map((label, i) => `${label} ${number(trend.totalScore[i])} ${money.full(trend.totalPay[i])}`).join(', ')}`}
        data={data}
        options={options}
      />
    </ChartCard>
  );
}
