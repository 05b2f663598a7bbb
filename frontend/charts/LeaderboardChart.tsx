/**
 * The leaderboard (排行榜) with score and pay: a pair of bars per person, the score on the top
 * axis and the total pay on the bottom one, in the engine's ranking order.
 */
import {Bar} from 'react-chartjs-2';
import type {Currency} from '../../src/plan';
import type {Leaderboard} from '../../src/charts';
import './register';
import {ChartCard} from './ChartCard';
import {horizontalBarOptions} from './barOptions';
import {PAY_COLOUR, SCORE_COLOUR} from './palette';
import {useChartText} from './useChartText';

export function LeaderboardChart({board, currency}: {board: Leaderboard; currency: Pick<Currency, 'code' | 'precision'>}) {
  const {t, locale, money, number} = useChartText(currency);
  const entries = board.entries;
  const last = entries[entries.length - 1];
  const scoreLabel = t('charts.leaderboard.score');
  const payLabel = t('charts.leaderboard.pay');
  const options = horizontalBarOptions(
    locale,
    {
      label: (item) => {
        const entry = entries[item.dataIndex];
        return item.datasetIndex === 0
          ? `${scoreLabel}: ${number(entry.totalScore)}${entry.grade ? ` (${t('charts.grades.grade', {grade: entry.grade})})` : ''}`
          : `${payLabel}: ${money.full(entry.totalPay)}`;
      },
    },
    {
      score: {type: 'linear', axis: 'x', position: 'top', beginAtZero: true, title: {display: true, text: scoreLabel, color: SCORE_COLOUR}, ticks: {maxTicksLimit: 6}},
      pay: {type: 'linear', axis: 'x', position: 'bottom', beginAtZero: true, grid: {display: false}, title: {display: true, text: t('charts.axis.pay', {currency: money.symbol}), color: PAY_COLOUR}, ticks: {callback: (value) => money.axis(Number(value)), maxTicksLimit: 6, autoSkipPadding: 12}},
      y: {grid: {display: false}, ticks: {autoSkip: false}},
    },
  );
  const title = t('charts.leaderboard.title');
  const labels = entries.map((entry) => t('charts.leaderboard.entry', {rank: entry.rank, name: entry.name}));
  return (
    <ChartCard
      title={title}
      height={110 + entries.length * 30}
      note={board.tiedBeyond > 0 && last ? t('charts.leaderboard.tiedBeyond', {count: board.tiedBeyond, rank: last.rank}) : undefined}
    >
      <Bar
        role="img"
        aria-label={`${title}: ${entries.map((entry, i) => `${labels[i]} ${number(entry.totalScore)} ${money.full(entry.totalPay)}`).join(', ')}`}
        data={{
          labels,
          datasets: [
            {label: scoreLabel, data: entries.map((entry) => Number(entry.totalScore)), backgroundColor: SCORE_COLOUR, xAxisID: 'score'},
            {label: payLabel, data: entries.map((entry) => Number(entry.totalPay)), backgroundColor: PAY_COLOUR, xAxisID: 'pay'},
          ],
        }}
        options={options}
      />
    </ChartCard>
  );
}
