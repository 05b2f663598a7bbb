/**
 * The leaderboard (排行榜): the top participants by rank with a bar for their total score. Bars are
 * scaled to the best score shown, so a plan whose scores pass 100 (capped attainment) still fits.
 */
import {memo} from 'react';
import {Box, Heading, Text} from '@airtable/blocks/ui';
import Decimal from 'decimal.js';
import type {ParticipantResult} from '../../src/results';
import {useLang} from '../state/lang';
import {useFormats} from './FormatProvider';

export const LEADERBOARD_SIZE = 10;

/**
 * Bar widths in percent of the best score, floored at 0 (a negative total shows an empty bar).
 *
 * @example barWidths(['120', '60', '-5']) // [100, 50, 0]
 */
export function barWidths(scores: readonly string[]): number[] {
  const values = scores.map((s) => Decimal.max(new Decimal(s), 0));
  const best = Decimal.max(0, ...values);
  return values.map((v) => (best.isZero() ? 0 : v.div(best).times(100).toDecimalPlaces(1).toNumber()));
}

export const Leaderboard = memo(function Leaderboard({
  results,
  onSelect,
}: {
  results: readonly ParticipantResult[];
  onSelect: (participantId: string) => void;
}) {
  const {t} = useLang();
  const f = useFormats();
  const top = [...results].sort((a, b) => a.rank - b.rank).slice(0, LEADERBOARD_SIZE);
  const widths = barWidths(top.map((r) => r.totalScore));
  return (
    <Box as="section" aria-label={t('run.leaderboard.title')} marginBottom={3}>
      <Heading size="xsmall">{t('run.leaderboard.title')}</Heading>
      {top.map((result, i) => (
        <Box key={result.participantId} display="flex" alignItems="center" marginBottom={1}>
          <Text width="28px">{f.integer(result.rank)}</Text>
          <Box width="96px" overflow="hidden" style={{whiteSpace: 'nowrap', textOverflow: 'ellipsis'}}>
            <button
              type="button"
              style={{border: 0, padding: 0, background: 'none', color: '#166ee1', cursor: 'pointer', font: 'inherit'}}
              onClick={() => onSelect(result.participantId)}
            >
              {result.name}
            </button>
          </Box>
          <Box flex="1" height="12px" backgroundColor="lightGray2" borderRadius="default" marginX={2}>
            <Box height="12px" backgroundColor="blueBright" borderRadius="default" style={{width: `${widths[i]}%`}} />
          </Box>
          <Text width="52px" flex="none" textAlign="right">
            {f.score(result.totalScore)}
          </Text>
          <Text width="96px" marginLeft={2} flex="none" textAlign="right" textColor="light" dataAttributes={{'data-testid': `leaderboard-pay-${result.participantId}`}}>
            {f.money(result.totalPay)}
          </Text>
        </Box>
      ))}
    </Box>
  );
});
