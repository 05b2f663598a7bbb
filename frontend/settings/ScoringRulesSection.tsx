/**
 * Score rounding and target proration (得分舍入与目标折算): two plan-wide rules of docs/plan.md
 * (§7 and §6). The start and end date fields proration reads are mapped with the people table.
 */
import {memo} from 'react';
import {Box, Text} from '@airtable/blocks/ui';
import {DEFAULT_SCORE_ROUNDING, type PlanDocument} from '../../src/plan';
import type {Issue} from '../../src/results';
import {useLang} from '../state/lang';
import {IssueNotes, Section} from './controls';
import {issuesAt, sameIssuesAt} from './draft';
import type {Edit} from './MappingSection';
import {Choice} from './MetricEditor';

interface SectionProps {
  plan: PlanDocument;
  issues: readonly Issue[];
  edit: Edit;
}

/** Re-rendered only when its two options or their issues change. */
export const ScoringRulesSection = memo(
  ScoringRulesView,
  (a: SectionProps, b: SectionProps) =>
    a.edit === b.edit &&
    a.plan.scoreRounding === b.plan.scoreRounding &&
    a.plan.proration === b.plan.proration &&
    sameIssuesAt(a.issues, b.issues, 'scoreRounding') &&
    sameIssuesAt(a.issues, b.issues, 'proration'),
);

function ScoringRulesView({plan, issues, edit}: SectionProps) {
  const {t, n} = useLang();
  const rounding = plan.scoreRounding ?? DEFAULT_SCORE_ROUNDING;
  const count = issuesAt(issues, 'scoreRounding').length + issuesAt(issues, 'proration').length;
  return (
    <Section title={t('settings.section.scoringRules')} badge={count ? n(count, 'settings.n.problems') : undefined}>
      <IssueNotes issues={issuesAt(issues, 'scoreRounding', true).concat(issuesAt(issues, 'proration', true))} />
      <Box display="flex" flexWrap="wrap" style={{gap: 8}}>
        <Choice
          label={t('settings.scoreRounding.mode')}
          value={rounding.mode}
          width="300px"
          options={(['total', 'eachWeighted'] as const).map((mode) => ({value: mode, label: t(`settings.scoreRounding.${mode}`)}))}
          onChange={(mode) => edit((d) => void (d.scoreRounding = {...(d.scoreRounding ?? DEFAULT_SCORE_ROUNDING), mode}))}
        />
        <Choice
          label={t('settings.scoreRounding.places')}
          value={String(rounding.places)}
          width="120px"
          options={['0', '1', '2', '3', '4'].map((p) => ({value: p, label: p}))}
          onChange={(places) => edit((d) => void (d.scoreRounding = {...(d.scoreRounding ?? DEFAULT_SCORE_ROUNDING), places: Number(places)}))}
        />
      </Box>
      <Text textColor="light" marginBottom={2}>
        {t('settings.scoreRounding.help')}
      </Text>
      <Choice
        label={t('settings.proration.enabled')}
        value={plan.proration?.enabled ? 'on' : 'off'}
        width="300px"
        options={(['off', 'on'] as const).map((v) => ({value: v, label: t(`settings.proration.${v}`)}))}
        onChange={(v) =>
          edit((d) => {
            if (v === 'on') d.proration = {enabled: true};
            else delete d.proration;
          })
        }
      />
      <Text textColor="light">
        {t('settings.proration.help')}
      </Text>
    </Section>
  );
}
