/**
 * Scores as a histogram (总分分布), each bar coloured by the grade band it lies in: one dataset
 * per grade, stacked, so that the legend names the bands. With bins of one width the score axis
 * is a number line whose ticks and grid lines stand at the band boundaries; bins of uneven
 * width (boundaries off every nice step) are drawn as equal bars labelled with their range.
 */
import {Bar} from 'react-chartjs-2';
import type {ChartData, ChartOptions, Scale} from 'chart.js';
import type {Currency, GradeBand} from '../../src/plan';
import {bandTicks, type ScoreBin, type ScoreHistogram} from '../../src/charts';
import './register';
import {ChartCard} from './ChartCard';
import {gradeColours, NO_GRADE_COLOUR} from './palette';
import {useChartText} from './useChartText';

/** A bar: where it stands on the score axis (its middle, or its position among equal bars), its count, its bin. */
interface BinPoint {
  x: number;
  y: number;
  bin: number;
}

export function ScoreHistogramChart({histogram, grades, currency}: {histogram: ScoreHistogram; grades: readonly GradeBand[]; currency: Pick<Currency, 'code' | 'precision'>}) {
  const {t, locale, people, number} = useChartText(currency);
  const colours = gradeColours(grades);
  const bins = histogram.bins;
  const even = histogram.step !== null && bins.length > 0;
  const groups: {grade: string | null; label: string; colour: string}[] = [
    ...grades.map((band) => ({grade: band.grade, label: t('charts.grades.grade', {grade: band.grade}), colour: colours.get(band.grade) ?? NO_GRADE_COLOUR})),
    ...(bins.some((bin) => bin.grade === null) ? [{grade: null, label: t('charts.grades.ungraded'), colour: NO_GRADE_COLOUR}] : []),
  ].filter((group) => bins.some((bin) => bin.grade === group.grade));
  const range = (bin: ScoreBin) => t('charts.histogram.bin', {from: number(bin.from), to: number(bin.to)});
  // Numbers only to place the bars: the middle of a bin on the number line.
  const at = (bin: ScoreBin, i: number) => (even ? (Number(bin.from) + Number(bin.to)) / 2 : i);
  const data: ChartData<'bar', BinPoint[]> = {
    labels: even ? undefined : bins.map((bin) => `${number(bin.from)}–${number(bin.to)}`),
    datasets: groups.map((group) => ({
      label: group.label,
      data: bins.flatMap((bin, i) => (bin.grade === group.grade ? [{x: at(bin, i), y: bin.count, bin: i}] : [])),
      backgroundColor: group.colour,
    })),
  };
  // Numbers only to place the ticks.
  const ticks = bandTicks(bins, grades).map(Number);
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    locale,
    // Bars that touch, as a histogram's do.
    datasets: {bar: {categoryPercentage: 1, barPercentage: 1, borderColor: '#ffffff', borderWidth: {left: 1, right: 1}}},
    plugins: {
      legend: {position: 'bottom', labels: {boxWidth: 12}},
      tooltip: {
        callbacks: {
          title: (items) => (items.length ? range(bins[(items[0].raw as BinPoint).bin]) : ''),
          label: (item) => `${item.dataset.label}: ${people((item.raw as BinPoint).y)}`,
        },
      },
    },
    scales: {
      x: even
        ? {
            type: 'linear',
            stacked: true,
            offset: false,
            min: ticks[0],
            max: ticks[ticks.length - 1],
            title: {display: true, text: t('charts.axis.score')},
            // The band boundaries, and only they, get a tick and a grid line.
            afterBuildTicks: (scale: Scale) => {
              scale.ticks = ticks.map((value) => ({value}));
            },
            ticks: {callback: (value) => number(Number(value)), maxRotation: 0, autoSkip: true},
            grid: {color: '#c4c4c4', offset: false},
          }
        : {type: 'category', stacked: true, grid: {display: false}, title: {display: true, text: t('charts.axis.score')}, ticks: {maxRotation: 0, autoSkipPadding: 8}},
      y: {stacked: true, beginAtZero: true, ticks: {precision: 0}, title: {display: true, text: t('charts.axis.people')}},
    },
  };
  const title = t('charts.histogram.title');
  return (
    <ChartCard title={title} height={230}>
      <Bar
        role="img"
        aria-label={`${title}: ${bins.filter((bin) => bin.count > 0).map((bin) => `${range(bin)} ${people(bin.count)}`).join(', ')}`}
        data={data}
        options={options}
      />
    </ChartCard>
  );
}
