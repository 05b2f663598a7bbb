/**
 * The run's charts (issue 14, part 2) for a panel 400-600 px wide: grade distribution, scores by
 * grade band, pay by team, the leaderboard with score and pay, and, when the results table gives
 * a person's rows, that person's trend across periods.
 */
import {useMemo} from 'react';
import {Box, Heading, Text} from '@airtable/blocks/ui';
import type {PlanDocument} from '../../src/plan';
import type {RunResult} from '../../src/results';
import {gradeDistribution, leaderboard, payByTeam, personTrend, runGrades, scoreHistogram, type TeamOf, type TrendRow} from '../../src/charts';
import {useLang} from '../state/lang';
import {GradeDistributionChart} from './GradeDistributionChart';
import {LeaderboardChart} from './LeaderboardChart';
import {ScoreHistogramChart} from './ScoreHistogramChart';
import {TeamPayChart} from './TeamPayChart';
import {TrendChart} from './TrendChart';

export interface ChartsPanelProps {
  run: RunResult;
  plan: Pick<PlanDocument, 'versions' | 'currency'>;
  /** Each participant's team (the people table's team field, ParticipantFact.team). */
  teamOf: TeamOf;
  /** How many places the leaderboard shows. */
  leaderboardSize?: number;
  /** One person's rows of the results table, one per period, oldest first. */
  trend?: {name: string; rows: readonly TrendRow[]};
}

export function ChartsPanel({run, plan, teamOf, leaderboardSize = 10, trend}: ChartsPanelProps) {
  const {t} = useLang();
  const grades = useMemo(() => runGrades(plan, run), [plan, run]);
  const shaped = useMemo(
    () => ({
      distribution: gradeDistribution(run.results, grades),
      histogram: scoreHistogram(
        run.results.map((result) => result.totalScore),
        grades,
      ),
      pay: payByTeam(run.results, teamOf),
      board: leaderboard(run.results, leaderboardSize),
    }),
    [run, grades, teamOf, leaderboardSize],
  );
  const trendSeries = useMemo(() => (trend ? personTrend(trend.rows) : null), [trend]);
  const currency = plan.currency;
  return (
    <Box as="section" aria-label={t('charts.title')} width="100%" maxWidth="600px">
      <Heading size="small" marginBottom={2}>
        {t('charts.title')}
      </Heading>
      {run.results.length === 0 ? (
        <Text size="default">{t('charts.empty')}</Text>
      ) : (
        <>
          <GradeDistributionChart distribution={shaped.distribution} grades={grades} currency={currency} />
          <ScoreHistogramChart histogram={shaped.histogram} grades={grades} currency={currency} />
          <TeamPayChart pay={shaped.pay} currency={currency} />
          <LeaderboardChart board={shaped.board} currency={currency} />
        </>
      )}
      {trend && trendSeries ? <TrendChart name={trend.name} trend={trendSeries} currency={currency} /> : null}
    </Box>
  );
}
