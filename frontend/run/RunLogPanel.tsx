/** The run log panel (运行记录): the latest refreshes, newest first. */
import {memo, useState} from 'react';
import {Box, Button, Heading, Text} from '@airtable/blocks/ui';
import type {RunLogEntry} from '../state/runLog';
import {useLang} from '../state/lang';
import type {PlanVersion} from '../../src/plan';
import {useFormats} from './FormatProvider';
import {versionLabel} from './RefreshSummaryView';

const COLLAPSED = 5;

export const RunLogPanel = memo(function RunLogPanel({
  entries,
  versions = [],
}: {
  entries: readonly RunLogEntry[];
  /** The plan's versions, to name a logged version by its label (as the written cells do). */
  versions?: readonly Pick<PlanVersion, 'id' | 'label'>[];
}) {
  const {t} = useLang();
  const f = useFormats();
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? entries : entries.slice(0, COLLAPSED);
  return (
    <Box as="section" aria-label={t('run.log.title')} marginTop={3}>
      <Heading size="xsmall">{t('run.log.title')}</Heading>
      {entries.length === 0 && <Text textColor="light">{t('run.log.empty')}</Text>}
      <Box as="ul" paddingLeft={3} margin={0} dataAttributes={{'data-testid': 'run-log'}}>
        {shown.map((entry) => (
          <li key={`${entry.at}-${entry.periodId}`}>
            <Text>
              {entry.action ? (
                t(`ledger.ui.log.${entry.action.kind}`, {at: f.time(entry.at), user: entry.user ?? t('run.log.anonymous'), period: entry.periodLabel, reason: entry.action.reason ?? '', totalPay: f.money(entry.totals.totalPay), people: f.integer(entry.participants)})
              ) : (
              <>
              {t('run.log.entryCounted', {
                at: f.time(entry.at),
                user: entry.user ?? t('run.log.anonymous'),
                period: entry.periodLabel,
                version: t('run.version.named', {label: versionLabel(versions, entry.versionId)}),
                revision: entry.planRevision,
                changed: f.integer(entry.changed),
                unchanged: f.integer(entry.unchanged),
                failed: f.integer(entry.failed),
                totalPay: f.money(entry.totals.totalPay),
              })}
              {entry.ledger ? t('ledger.ui.log.rows', {created: entry.ledger.created, updated: entry.ledger.updated}) : null}
              {entry.adjustments
                ? t('ledger.ui.log.adjustments', {total: f.money(entry.adjustments.total), people: f.integer(entry.adjustments.people), balance: f.money(entry.adjustments.balance)})
                : null}
              </>
              )}
            </Text>
          </li>
        ))}
      </Box>
      {entries.length > COLLAPSED && (
        <Button size="small" variant="secondary" onClick={() => setExpanded((e) => !e)}>
          {expanded ? t('run.log.less') : t('run.log.all', {count: entries.length})}
        </Button>
      )}
    </Box>
  );
});
