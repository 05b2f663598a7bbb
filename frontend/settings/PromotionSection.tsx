/**
 * Promotion rules (晋升建议), docs/plan.md §14: "N consecutive closed periods at grade G or
 * better suggest tier T", plan-wide like the scoring rules. Tiers are typed as the people
 * table's tier field writes them; grades are picked from the plan's bands.
 */
import {memo} from 'react';
import {Box, Button, Input, Text} from '@airtable/blocks/ui';
import type {PlanDocument} from '../../src/plan';
import type {Issue} from '../../src/results';
import {useLang} from '../state/lang';
import {Field, IntInput, IssueNotes, Section} from './controls';
import {issuesAt, sameIssuesAt} from './draft';
import type {Edit} from './MappingSection';
import {Choice} from './MetricEditor';

interface SectionProps {
  plan: PlanDocument;
  issues: readonly Issue[];
  edit: Edit;
}

/** Re-rendered only when the rules, the grades they pick from, or their issues change. */
export const PromotionSection = memo(
  PromotionView,
  (a: SectionProps, b: SectionProps) => a.edit === b.edit && a.plan.promotion === b.plan.promotion && a.plan.versions === b.plan.versions && sameIssuesAt(a.issues, b.issues, 'promotion'),
);

/**
 * Every grade of the plan's versions, each version's from the highest band down, without repeats.
 *
 * @example gradeNames([{grades: [{grade: 'B', min: '0'}, {grade: 'A', min: '90'}]}]) // ['A', 'B']
 */
export function gradeNames(versions: readonly Pick<PlanDocument['versions'][number], 'grades'>[]): string[] {
  const names: string[] = [];
  for (const version of versions) {
    const ordered = [...(version.grades ?? [])].sort((a, b) => Number(b.min) - Number(a.min));
    for (const band of ordered) if (band.grade && !names.includes(band.grade)) names.push(band.grade);
  }
  return names;
}

function PromotionView({plan, issues, edit}: SectionProps) {
  const {t, n} = useLang();
  const rules = plan.promotion ?? [];
  const grades = gradeNames(plan.versions);
  const count = issuesAt(issues, 'promotion').length;
  return (
    <Section title={t('settings.section.promotion')} badge={count ? n(count, 'settings.n.problems') : undefined}>
      <Text textColor="light" marginBottom={2}>
        {t('settings.promotion.help')}
      </Text>
      <IssueNotes issues={issuesAt(issues, 'promotion', true)} />
      {rules.map((rule, i) => {
        const path = `promotion[${i}]`;
        return (
          <Box key={i} display="flex" flexWrap="wrap" alignItems="flex-start" style={{gap: 8}} borderBottom="thick" marginBottom={2}>
            <IssueNotes issues={issuesAt(issues, path, true)} />
            <Field label={t('settings.promotion.fromTier')} width="150px" issues={issuesAt(issues, `${path}.fromTier`)}>
              <Input
                value={rule.fromTier ?? ''}
                onChange={({target: {value: typed}}) =>
                  edit((d) => {
                    const r = d.promotion![i];
                    if (typed.trim() === '') delete r.fromTier;
                    else r.fromTier = typed;
                  })
                }
              />
            </Field>
            <Choice
              label={t('settings.promotion.minGrade')}
              value={rule.minGrade}
              width="120px"
              issues={issuesAt(issues, `${path}.minGrade`)}
              options={(grades.includes(rule.minGrade) ? grades : [rule.minGrade, ...grades]).map((grade) => ({value: grade, label: grade}))}
              onChange={(minGrade) => edit((d) => void (d.promotion![i].minGrade = minGrade))}
            />
            <IntInput
              label={t('settings.promotion.periods')}
              value={rule.periods}
              min={1}
              issues={issuesAt(issues, `${path}.periods`)}
              // An input cleared to type anew keeps the last whole number in the plan.
              onChange={(n) => n !== undefined && edit((d) => void (d.promotion![i].periods = n))}
            />
            <Field label={t('settings.promotion.toTier')} width="150px" issues={issuesAt(issues, `${path}.toTier`)}>
              <Input value={rule.toTier} onChange={({target: {value: typed}}) => edit((d) => void (d.promotion![i].toTier = typed))} />
            </Field>
            <Button
              size="small"
              icon="x"
              marginTop={3}
              aria-label={t('settings.promotion.remove')}
              onClick={() =>
                edit((d) => {
                  d.promotion!.splice(i, 1);
                  if (d.promotion!.length === 0) delete d.promotion;
                })
              }
            />
          </Box>
        );
      })}
      <Button
        size="small"
        icon="plus"
        onClick={() =>
          edit((d) => {
            // The article's example: three periods at the second-best grade (A of S..D).
            const rule = {minGrade: grades[1] ?? grades[0] ?? '', periods: 3, toTier: ''};
            d.promotion = [...(d.promotion ?? []), rule];
          })
        }
      >
        {t('settings.promotion.add')}
      </Button>
    </Section>
  );
}
