/**
 * The charts' data (issue 14, part 2): plain results in, plain series out. No React and no
 * chart library here: amounts stay exact decimal strings, and the views in frontend/charts turn
 * them into numbers only to place pixels.
 */
export {runGrades, gradeDistribution, type GradeCount, type GradeDistribution} from './grades';
export {scoreHistogram, bandTicks, type ScoreBin, type ScoreHistogram, type HistogramOptions} from './histogram';
export {payByTeam, type PayByTeam, type TeamPay, type TeamOf, type TeamGroupKind, type TeamPayOptions} from './teamPay';
export {leaderboard, type Leaderboard, type LeaderboardEntry} from './leaderboard';
export {personTrend, trendRow, type TrendRow, type TrendSeries, type TrendPart, type TrendComponent} from './trend';
export {PAY_COMPONENTS, INCENTIVE_COMPONENTS, payParts, sumDecimals, decimalPlaces, type PayComponent, type PayParts} from './payParts';
