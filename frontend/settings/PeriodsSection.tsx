/**
 * Periods (考核周期) and plan versions (方案版本): a version holds the rules in force for the
 * periods starting within its effective dates, so a launch month can get its own weights.
 */
import {memo} from 'react';
import {Box, Button, Input, Text} from '@airtable/blocks/ui';
import type {PlanDocument} from '../../src/plan';
import type {Issue} from '../../src/results';
import {versionForPeriod} from '../../src/period';
import {useLang} from '../state/lang';
import {Field, IssueNotes, Row, Section} from './controls';
import {addVersionCopy, customPeriod, firstOfNextMonth, issuesAt, nextPeriod, sameIssuesAt, todayIso} from './draft';
import type {Edit} from './MappingSection';

interface SectionProps {
  plan: PlanDocument;
  issues: readonly Issue[];
  edit: Edit;
}

/** The versions' names and dates: all the period and version lists read from a version. */
const versionDates = (plan: PlanDocument) => JSON.stringify(plan.versions.map((v) => [v.id, v.label, v.effectiveFrom, v.effectiveTo]));

export const PeriodsSection = memo(
  PeriodsView,
  (a: SectionProps, b: SectionProps) =>
    a.edit === b.edit && a.plan.periods === b.plan.periods && versionDates(a.plan) === versionDates(b.plan) && sameIssuesAt(a.issues, b.issues, 'periods'),
);

function PeriodsView({plan, issues, edit}: SectionProps) {
  const {t, n} = useLang();
  const today = todayIso();
  const count = issuesAt(issues, 'periods').length;
  return (
    <Section title={t('settings.section.periods')} badge={count ? n(count, 'settings.n.problems') : undefined}>
      <IssueNotes issues={issuesAt(issues, 'periods', true)} />
      {plan.periods.map((period, i) => {
        const version = versionForPeriod(plan, period);
        return (
          <Row key={`${period.id}-${i}`}>
            <Field label={t('settings.period.label')} width="160px" issues={issuesAt(issues, `periods[${i}].label`).concat(issuesAt(issues, `periods[${i}].id`))}>
              <Input value={period.label} onChange={({target: {value: typed}}) => edit((d) => void (d.periods[i].label = typed))} />
            </Field>
            <Field label={t('settings.period.start')} width="160px" issues={issuesAt(issues, `periods[${i}].start`)}>
              <Input type="date" value={period.start} onChange={({target: {value: typed}}) => edit((d) => void (d.periods[i].start = typed))} />
            </Field>
            <Field label={t('settings.period.end')} width="160px" issues={issuesAt(issues, `periods[${i}].end`)}>
              <Input type="date" value={period.end} onChange={({target: {value: typed}}) => edit((d) => void (d.periods[i].end = typed))} />
            </Field>
            <Text marginTop={4} textColor="light">
              {version ? t('settings.period.usesVersion', {version: version.label}) : t('settings.period.noVersion')}
            </Text>
            <Button size="small" icon="x" marginTop={3} aria-label={t('settings.remove')} onClick={() => edit((d) => void d.periods.splice(i, 1))} />
          </Row>
        );
      })}
      <Row>
        <Button size="small" icon="plus" onClick={() => edit((d) => void d.periods.push(nextPeriod(d, 'month', today)))}>
          {t('settings.period.addMonth')}
        </Button>
        <Button size="small" icon="plus" onClick={() => edit((d) => void d.periods.push(nextPeriod(d, 'quarter', today)))}>
          {t('settings.period.addQuarter')}
        </Button>
        <Button size="small" icon="plus" onClick={() => edit((d) => void d.periods.push(customPeriod(d, today)))}>
          {t('settings.period.addCustom')}
        </Button>
      </Row>
    </Section>
  );
}

export function VersionsSection({
  plan,
  issues,
  edit,
  selected,
  onSelect,
}: {
  plan: PlanDocument;
  issues: readonly Issue[];
  edit: Edit;
  selected: number;
  onSelect: (index: number) => void;
}) {
  const {t} = useLang();
  const today = todayIso();
  return (
    <Box marginBottom={2}>
      <IssueNotes issues={issuesAt(issues, 'versions', true)} />
      {plan.versions.map((version, i) => (
        <Box key={`${version.id}-${i}`} padding={1} marginBottom={1} backgroundColor={i === selected ? '#eef4ff' : undefined} borderRadius="default">
          <Row>
            <Field label={t('settings.version.label')} width="160px" issues={issuesAt(issues, `versions[${i}].label`)}>
              <Input value={version.label} onChange={({target: {value: typed}}) => edit((d) => void (d.versions[i].label = typed))} />
            </Field>
            <Field label={t('settings.version.from')} width="160px" issues={issuesAt(issues, `versions[${i}].effectiveFrom`)}>
              <Input type="date" value={version.effectiveFrom} onChange={({target: {value: typed}}) => edit((d) => void (d.versions[i].effectiveFrom = typed))} />
            </Field>
            <Field label={t('settings.version.to')} width="160px" issues={issuesAt(issues, `versions[${i}].effectiveTo`)}>
              <Input
                type="date"
                value={version.effectiveTo ?? ''}
                onChange={({target: {value: typed}}) =>
                  edit((d) => {
                    if (typed === '') delete d.versions[i].effectiveTo;
                    else d.versions[i].effectiveTo = typed;
                  })
                }
              />
            </Field>
            <Button size="small" marginTop={3} disabled={i === selected} onClick={() => onSelect(i)}>
              {i === selected ? t('settings.version.editing') : t('settings.version.edit')}
            </Button>
            {plan.versions.length > 1 ? (
              <Button
                size="small"
                icon="x"
                marginTop={3}
                aria-label={t('settings.remove')}
                onClick={() => {
                  edit((d) => void d.versions.splice(i, 1));
                  onSelect(0);
                }}
              />
            ) : null}
          </Row>
        </Box>
      ))}
      <Button
        size="small"
        icon="duplicate"
        onClick={() => {
          edit((d) => void addVersionCopy(d, selected, firstOfNextMonth(today)));
          onSelect(plan.versions.length);
        }}
      >
        {t('settings.version.copy')}
      </Button>
    </Box>
  );
}
