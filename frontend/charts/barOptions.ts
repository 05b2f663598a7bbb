/**
 * The options both horizontal bar charts share (leaderboard, pay by team): bars run along x, the
 * height follows the card, the legend sits below with small boxes. Each chart adds its own
 * tooltip lines and scales.
 */
import type {ChartOptions, TooltipCallbacks} from 'chart.js';

/** @example horizontalBarOptions('zh-CN', {label: (item) => item.formattedValue}, {x: {stacked: true}}) */
export function horizontalBarOptions(
  locale: string,
  callbacks: Partial<TooltipCallbacks<'bar'>>,
  scales: NonNullable<ChartOptions<'bar'>['scales']>,
): ChartOptions<'bar'> {
  return {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    locale,
    plugins: {
      legend: {position: 'bottom', labels: {boxWidth: 12}},
      tooltip: {callbacks},
    },
    scales,
  };
}
