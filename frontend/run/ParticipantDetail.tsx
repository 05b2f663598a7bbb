/**
 * One participant's full explanation: every breakdown line that reproduces a written number,
 * honours, strengths and the weakest metrics with their improvement actions, in the user's language.
 */
import {Box, Button, Heading, Text} from '@airtable/blocks/ui';
import {listText, sayEach} from '../../src/i18n';
import type {ParticipantResult} from '../../src/results';
import {promotionLine} from '../../src/i18n/results';
import {useLang} from '../state/lang';
import {useFormats} from './FormatProvider';
import type {MessageKey} from '../../src/i18n';

/** The pay lines of the breakdown view, in the order they add up to the total. */
const PAY_LINES = ['performancePay', 'bonus', 'teamBonus', 'award', 'totalPay'] as const;

export function ParticipantDetail({result, onClose, onStatement}: {result: ParticipantResult; onClose: () => void; onStatement?: () => void}) {
  const {lang, t, tx} = useLang();
  const f = useFormats();
  return (
    <Box as="section" aria-label={t('run.detail.title', {name: result.name})} border="default" borderRadius="large" padding={2} marginBottom={3}>
      <Box display="flex" justifyContent="space-between" alignItems="center">
        <Heading size="small">{t('run.detail.title', {name: result.name})}</Heading>
        <Box display="flex" alignItems="center">
          {onStatement && (
            <Button size="small" icon="print" marginRight={1} onClick={onStatement}>
              {t('statement.ui.one')}
            </Button>
          )}
          <Button size="small" icon="x" aria-label={t('run.detail.close')} onClick={onClose} />
        </Box>
      </Box>
      {result.inCycle && <Text textColor="#b35900">{t('run.detail.inCycle')}</Text>}
      <dl style={{display: 'grid', gridTemplateColumns: 'auto auto', columnGap: 16, justifyContent: 'start', margin: '4px 0'}} data-testid="detail-pay">
        <dt>{t('run.result.totalScore')}</dt>
        <dd style={{margin: 0, textAlign: 'right'}}>
          {f.score(result.totalScore)}
          {result.grade ? ` · ${result.grade}` : ''}
        </dd>
        {PAY_LINES.map((key) => [
          <dt key={`${key}-label`} style={{fontWeight: key === 'totalPay' ? 600 : undefined}}>
            {t(`run.result.${key}` as MessageKey)}
          </dt>,
          <dd key={key} style={{margin: 0, textAlign: 'right', fontWeight: key === 'totalPay' ? 600 : undefined}} data-testid={`detail-${key}`}>
            {f.money(result[key])}
          </dd>,
        ])}
      </dl>
      <Heading size="xsmall" marginTop={2}>
        {t('run.detail.breakdown')}
      </Heading>
      <Box as="ul" dataAttributes={{'data-testid': 'breakdown'}} paddingLeft={3} margin={0}>
        {sayEach(result.breakdown, lang).map((line, i) => (
          <li key={i}>
            <Text>{line}</Text>
          </li>
        ))}
      </Box>
      {result.honours.length > 0 && (
        <>
          <Heading size="xsmall" marginTop={2}>
            {t('run.detail.honours')}
          </Heading>
          <Text>{listText(result.honours.map(tx), lang)}</Text>
        </>
      )}
      <Heading size="xsmall" marginTop={2}>
        {t('run.detail.feedback')}
      </Heading>
      <Box dataAttributes={{'data-testid': 'feedback'}}>
        {result.feedback.strengths.map((item) => (
          <Text key={`s-${item.metricId}`}>{t('run.detail.strength', {metric: tx(item.label), score: item.score})}</Text>
        ))}
        {result.feedback.weakest.map((item) => (
          <Text key={`w-${item.metricId}`}>
            {t('run.detail.weak', {metric: tx(item.label), score: item.score})}
            {item.action ? ` ${t('run.detail.action', {action: tx(item.action)})}` : ''}
          </Text>
        ))}
        {result.feedback.promotion && <Text dataAttributes={{'data-testid': 'promotion'}}>{promotionLine(result.feedback.promotion, lang)}</Text>}
        {result.feedback.strengths.length === 0 && result.feedback.weakest.length === 0 && !result.feedback.promotion && (
          <Text textColor="light">{t('run.detail.noFeedback')}</Text>
        )}
      </Box>
    </Box>
  );
}
