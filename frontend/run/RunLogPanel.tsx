/** The run log panel (运行记录): the latest refreshes, newest first. */
import {memo, useState} from 'react';
import {Box, Button, Heading, Text} from '@airtable/blocks/ui';
import type {RunLogEntry} from '../state/runLog';
import {useLang} from '../state/lang';
import {formatTime, groupThousands} from './format';

const COLLAPSED = 5;

export const RunLogPanel = memo(function RunLogPanel({entries}: {entries: readonly RunLogEntry[]}) {
  const {lang, t} = useLang();
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? entries : entries.slice(0, COLLAPSED);
  return (
    <Box as="section" aria-label={t('run.log.title')} marginTop={3}>
      <Heading size="xsmall">{t('run.log.title')}</Heading>
      {entries.length === 0 && <Text textColor="light">{t('run.log.empty')}</Text>}
      <Box as="ul" paddingLeft={3} margin={0} dataAttributes={{'data-testid': 'run-log'}}>
        {shown.map((entry) => (
          <li key={`${entry.at}-${entry.periodId}`}>
            <Text size="small">
              {entry.action ? (
                t(`ledger.ui.log.${entry.action.kind}`, {at: formatTime(entry.at, lang), user: entry.user ?? t('run.log.anonymous'), period: entry.periodLabel, reason: entry.action.reason ?? '', totalPay: groupThousands(entry.totals.totalPay), people: entry.participants})
              ) : (
              <>
              {t('run.log.entry', {
                at: formatTime(entry.at, lang),
                user: entry.user ?? t('run.log.anonymous'),
                period: entry.periodLabel,
                version: entry.versionId,
                revision: entry.planRevision,
                changed: entry.changed,
                unchanged: entry.unchanged,
                failed: entry.failed,
                totalPay: groupThousands(entry.totals.totalPay),
              })}
              {entry.ledger ? t('ledger.ui.log.rows', {created: entry.ledger.created, updated: entry.ledger.updated}) : null}
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
