/**
 * The grade distribution (等级分布): people per grade, in the plan's grade order, with the
 * participants without a grade in grey at the end when there are any.
 */
import {Bar} from 'react-chartjs-2';
import type {ChartOptions} from 'chart.js';
import type {Currency, GradeBand} from '../../src/plan';
import type {GradeDistribution} from '../../src/charts';
import './register';
import {ChartCard} from './ChartCard';
import {percent} from './money';
import {gradeColours, NO_GRADE_COLOUR} from './palette';
import {useChartText} from './useChartText';

export function GradeDistributionChart({distribution, grades, currency}: {distribution: GradeDistribution; grades: readonly GradeBand[]; currency: Pick<Currency, 'code' | 'precision'>}) {
  const {t, locale, people} = useChartText(currency);
  const colours = gradeColours(grades);
  const rows = [
    ...distribution.grades.map((g) => ({label: t('charts.grades.grade', {grade: g.grade}), count: g.count, colour: colours.get(g.grade) ?? NO_GRADE_COLOUR})),
    ...(distribution.ungraded > 0 ? [{label: t('charts.grades.ungraded'), count: distribution.ungraded, colour: NO_GRADE_COLOUR}] : []),
  ];
  const share = (count: number) => t('charts.grades.share', {share: percent(count, distribution.participants, locale)});
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    locale,
    plugins: {
      legend: {display: false},
      tooltip: {callbacks: {label: (item) => `${people(rows[item.dataIndex].count)} (${share(rows[item.dataIndex].count)})`}},
    },
    scales: {
      x: {grid: {display: false}},
      y: {beginAtZero: true, ticks: {precision: 0}, title: {display: true, text: t('charts.axis.people')}},
    },
  };
  const title = t('charts.grades.title');
  return (
    <ChartCard title={title} height={200}>
      <Bar
        role="img"
        aria-label={`${title}: ${rows.map((row) => `${row.label} ${people(row.count)}`).join(', ')}`}
        data={{labels: rows.map((row) => row.label), datasets: [{label: t('charts.axis.people'), data: rows.map((row) => row.count), backgroundColor: rows.map((row) => row.colour)}]}}
        options={options}
      />
    </ChartCard>
  );
}
