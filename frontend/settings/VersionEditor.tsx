/**
 * The rules of one plan version: metrics with the live weight sum, grade bands and coefficients,
 * incentives (performance pay, rate bonuses, team bonus, champion award, honours) and feedback.
 */
import {memo} from 'react';
import {Box, Button, Input, Switch, Text} from '@airtable/blocks/ui';
import type {Gate, Honour, PlanDocument, RateBonus} from '../../src/plan';
import type {Issue} from '../../src/results';
import {text} from '../../src/i18n';
import {useLang} from '../state/lang';
import {BilingualInput, DecimalInput, Field, IntInput, IssueNotes, Row, Section} from './controls';
import {freshId, issuesAt, newMetric, sameIssuesAt, weightSum} from './draft';
import type {Edit} from './MappingSection';
import {Choice, MetricEditor} from './MetricEditor';

interface Props {
  plan: PlanDocument;
  versionIndex: number;
  issues: readonly Issue[];
  edit: Edit;
}

/** "权重合计 90% / 100%": shown above the metrics and updated on every keystroke. */
export function WeightSum({plan, versionIndex, issues}: Omit<Props, 'edit'>) {
  const {t} = useLang();
  const {sum, complete} = weightSum(plan.versions[versionIndex]);
  const path = `versions[${versionIndex}].metrics`;
  // The validator's issue about the sum sits on the metrics list itself (or a `weights` path).
  const sumIssues = issuesAt(issues, path, true).concat(issuesAt(issues, `versions[${versionIndex}].weights`));
  return (
    <Box marginBottom={2}>
      <Text fontWeight={600} textColor={complete ? '#20a35a' : '#d9363e'}>
        <span data-testid="weight-sum">{t('settings.weights.sum', {sum})}</span>
      </Text>
      {!complete && sumIssues.length === 0 ? (
        <Text role="alert" textColor="#d9363e">
          {t('settings.weights.mustBe100', {sum})}
        </Text>
      ) : null}
      <IssueNotes issues={sumIssues} />
    </Box>
  );
}

/** Re-rendered only when this version, the mapping or the version's issues change. */
export const VersionEditor = memo(
  VersionEditorView,
  (a: Props, b: Props) =>
    a.edit === b.edit &&
    a.versionIndex === b.versionIndex &&
    a.plan.versions[a.versionIndex] === b.plan.versions[b.versionIndex] &&
    a.plan.mapping === b.plan.mapping &&
    sameIssuesAt(a.issues, b.issues, `versions[${a.versionIndex}]`),
);

function VersionEditorView({plan, versionIndex, issues, edit}: Props) {
  const {t, n} = useLang();
  const version = plan.versions[versionIndex];
  const path = `versions[${versionIndex}]`;
  const editVersion = (fn: (v: PlanDocument['versions'][number]) => void) => edit((draft) => fn(draft.versions[versionIndex]));
  const metricOptions = version.metrics.map((m) => ({value: m.id, label: m.label.zh && m.label.en ? `${m.label.zh} / ${m.label.en}` : m.id}));
  const countIn = (sub: string) => {
    const count = issuesAt(issues, `${path}.${sub}`).length;
    return count ? n(count, 'settings.n.problems') : undefined;
  };

  return (
    <Box>
      <Section title={t('settings.section.metrics')} defaultOpen badge={countIn('metrics')}>
        <WeightSum plan={plan} versionIndex={versionIndex} issues={issues} />
        {version.metrics.map((metric, index) => (
          <MetricEditor key={`${metric.id}-${index}`} plan={plan} versionIndex={versionIndex} index={index} issues={issues} edit={edit} />
        ))}
        <Button icon="plus" size="small" onClick={() => editVersion((v) => void v.metrics.push(newMetric(v, plan.mapping.sources[0]?.id)))}>
          {t('settings.metric.add')}
        </Button>
      </Section>

      <Section title={t('settings.section.grades')} badge={countIn('grades')}>
        <Text textColor="light" marginBottom={1}>
          {t('settings.grades.intro')}
        </Text>
        <IssueNotes issues={issuesAt(issues, `${path}.grades`, true)} />
        {version.grades.map((band, i) => (
          <Row key={i}>
            <Field label={t('settings.grades.grade')} width="90px" issues={issuesAt(issues, `${path}.grades[${i}].grade`)}>
              <Input value={band.grade} onChange={({target: {value: typed}}) => editVersion((v) => void (v.grades[i].grade = typed))} />
            </Field>
            <DecimalInput label={t('settings.grades.min')} value={band.min} issues={issuesAt(issues, `${path}.grades[${i}].min`)} onChange={(min) => editVersion((v) => void (v.grades[i].min = min))} />
            <DecimalInput
              label={t('settings.grades.max')}
              value={band.max}
              issues={issuesAt(issues, `${path}.grades[${i}].max`)}
              onChange={(max) =>
                editVersion((v) => {
                  if (max.trim() === '') delete v.grades[i].max;
                  else v.grades[i].max = max;
                })
              }
            />
            <DecimalInput
              label={t('settings.grades.coefficient')}
              value={band.coefficient}
              issues={issuesAt(issues, `${path}.grades[${i}].coefficient`)}
              onChange={(coefficient) => editVersion((v) => void (v.grades[i].coefficient = coefficient))}
            />
            <Button size="small" icon="x" marginTop={3} aria-label={t('settings.remove')} onClick={() => editVersion((v) => void v.grades.splice(i, 1))} />
          </Row>
        ))}
        <Button size="small" icon="plus" onClick={() => editVersion((v) => void v.grades.push({grade: '', min: '', coefficient: '1'}))}>
          {t('settings.grades.add')}
        </Button>
      </Section>

      <Section title={t('settings.section.incentives')} badge={countIn('incentives')}>
        <Switch
          label={t('settings.incentives.performancePay')}
          value={version.incentives.performancePay.enabled}
          onChange={(enabled) => editVersion((v) => void (v.incentives.performancePay.enabled = enabled))}
          marginBottom={2}
        />
        <Text fontWeight={600}>{t('settings.bonus.heading')}</Text>
        {version.incentives.bonuses.map((bonus, i) => (
          <BonusEditor
            key={`${bonus.id}-${i}`}
            bonus={bonus}
            path={`${path}.incentives.bonuses[${i}]`}
            issues={issues}
            metricOptions={metricOptions}
            onChange={(fn) => editVersion((v) => fn(v.incentives.bonuses[i]))}
            onRemove={() => editVersion((v) => void v.incentives.bonuses.splice(i, 1))}
          />
        ))}
        <Button
          size="small"
          icon="plus"
          marginBottom={2}
          onClick={() =>
            editVersion((v) =>
              void v.incentives.bonuses.push({
                id: freshId('bonus', v.incentives.bonuses.map((b) => b.id)),
                label: text('settings.default.bonusLabel'),
                metricId: v.metrics[0]?.id ?? '',
                tierMode: 'marginal',
                tiers: [{fromAttainment: '0', rate: '0.01'}],
              }),
            )
          }
        >
          {t('settings.bonus.add')}
        </Button>

        <Text fontWeight={600} marginTop={2}>
          {t('settings.team.heading')}
        </Text>
        <IssueNotes issues={issuesAt(issues, `${path}.incentives.teamBonus`, true)} />
        <Switch
          label={t('settings.enabled')}
          value={version.incentives.teamBonus.enabled}
          onChange={(enabled) => editVersion((v) => void (v.incentives.teamBonus.enabled = enabled))}
          marginBottom={1}
        />
        {version.incentives.teamBonus.enabled ? (
          <Box>
            <Choice
              label={t('settings.incentives.metric')}
              value={version.incentives.teamBonus.metricId}
              options={metricOptions}
              issues={issuesAt(issues, `${path}.incentives.teamBonus.metricId`)}
              onChange={(metricId) => editVersion((v) => void (v.incentives.teamBonus.metricId = metricId))}
            />
            <Row>
              {version.incentives.teamBonus.levels.map((level, i) => (
                <DecimalInput
                  key={i}
                  label={t('settings.team.level', {level: i + 1})}
                  value={level}
                  issues={issuesAt(issues, `${path}.incentives.teamBonus.levels[${i}]`)}
                  onChange={(rate) => editVersion((v) => void (v.incentives.teamBonus.levels[i] = rate))}
                />
              ))}
            </Row>
            <Row>
              <Button size="small" icon="plus" onClick={() => editVersion((v) => void v.incentives.teamBonus.levels.push('0'))}>
                {t('settings.team.addLevel')}
              </Button>
              {version.incentives.teamBonus.levels.length > 0 ? (
                <Button size="small" icon="minus" variant="secondary" onClick={() => editVersion((v) => void v.incentives.teamBonus.levels.pop())}>
                  {t('settings.team.removeLevel')}
                </Button>
              ) : null}
            </Row>
            <GateEditor
              gate={version.incentives.teamBonus.gate}
              path={`${path}.incentives.teamBonus.gate`}
              issues={issues}
              onChange={(gate) =>
                editVersion((v) => {
                  if (gate) v.incentives.teamBonus.gate = gate;
                  else delete v.incentives.teamBonus.gate;
                })
              }
            />
          </Box>
        ) : null}

        <Text fontWeight={600} marginTop={2}>
          {t('settings.champion.heading')}
        </Text>
        <IssueNotes issues={issuesAt(issues, `${path}.incentives.championAward`, true)} />
        <Switch
          label={t('settings.enabled')}
          value={version.incentives.championAward.enabled}
          onChange={(enabled) => editVersion((v) => void (v.incentives.championAward.enabled = enabled))}
          marginBottom={1}
        />
        {version.incentives.championAward.enabled ? (
          <Row>
            <Choice
              label={t('settings.incentives.metric')}
              value={version.incentives.championAward.metricId}
              options={metricOptions}
              issues={issuesAt(issues, `${path}.incentives.championAward.metricId`)}
              onChange={(metricId) => editVersion((v) => void (v.incentives.championAward.metricId = metricId))}
            />
            <DecimalInput
              label={t('settings.champion.pool')}
              value={version.incentives.championAward.pool}
              issues={issuesAt(issues, `${path}.incentives.championAward.pool`)}
              onChange={(pool) => editVersion((v) => void (v.incentives.championAward.pool = pool))}
            />
            <DecimalInput
              label={t('settings.champion.leaderShare')}
              value={version.incentives.championAward.leaderShare}
              issues={issuesAt(issues, `${path}.incentives.championAward.leaderShare`)}
              onChange={(leaderShare) => editVersion((v) => void (v.incentives.championAward.leaderShare = leaderShare))}
            />
            <Choice
              label={t('settings.champion.split')}
              value={version.incentives.championAward.split}
              options={[
                {value: 'equal', label: t('settings.champion.equal')},
                {value: 'proRata', label: t('settings.champion.proRata')},
              ]}
              onChange={(split) => editVersion((v) => void (v.incentives.championAward.split = split))}
            />
          </Row>
        ) : null}

        <Text fontWeight={600} marginTop={2}>
          {t('settings.honours.heading')}
        </Text>
        {version.incentives.honours.map((honour, i) => (
          <HonourEditor
            key={`${honour.id}-${i}`}
            honour={honour}
            path={`${path}.incentives.honours[${i}]`}
            issues={issues}
            metricOptions={metricOptions}
            onChange={(fn) => editVersion((v) => fn(v.incentives.honours[i]))}
            onRemove={() => editVersion((v) => void v.incentives.honours.splice(i, 1))}
          />
        ))}
        <Button
          size="small"
          icon="plus"
          onClick={() =>
            editVersion((v) =>
              void v.incentives.honours.push({
                id: freshId('honour', v.incentives.honours.map((h) => h.id)),
                title: {zh: '', en: ''},
                by: 'totalScore',
                direction: 'highest',
                count: 1,
              }),
            )
          }
        >
          {t('settings.honours.add')}
        </Button>
      </Section>

      <Section title={t('settings.section.feedback')} badge={countIn('feedback')}>
        <Text textColor="light" marginBottom={1}>
          {t('settings.feedback.intro')}
        </Text>
        <Row>
          <IntInput
            label={t('settings.feedback.strengths')}
            value={version.feedback.strengths}
            issues={issuesAt(issues, `${path}.feedback.strengths`)}
            onChange={(n) => editVersion((v) => void (v.feedback.strengths = n ?? 0))}
          />
          <IntInput
            label={t('settings.feedback.weakest')}
            value={version.feedback.weakest}
            issues={issuesAt(issues, `${path}.feedback.weakest`)}
            onChange={(n) => editVersion((v) => void (v.feedback.weakest = n ?? 0))}
          />
        </Row>
      </Section>
    </Box>
  );
}

function GateEditor({gate, path, issues, onChange}: {gate: Gate | undefined; path: string; issues: readonly Issue[]; onChange: (next: Gate | undefined) => void}) {
  const {t} = useLang();
  // An empty gate is no gate: the document stays minimal and the engine need not guess.
  const set = (next: Gate) => onChange(next.minScore || next.minGrade ? next : undefined);
  return (
    <Row>
      <DecimalInput
        label={t('settings.gate.minScore')}
        value={gate?.minScore}
        issues={issuesAt(issues, `${path}.minScore`)}
        onChange={(minScore) => set({...gate, minScore: minScore.trim() === '' ? undefined : minScore})}
      />
      <Field label={t('settings.gate.minGrade')} width="140px" issues={issuesAt(issues, `${path}.minGrade`)}>
        <Input value={gate?.minGrade ?? ''} onChange={({target: {value: typed}}) => set({...gate, minGrade: typed.trim() === '' ? undefined : typed})} />
      </Field>
    </Row>
  );
}

function BonusEditor({
  bonus,
  path,
  issues,
  metricOptions,
  onChange,
  onRemove,
}: {
  bonus: RateBonus;
  path: string;
  issues: readonly Issue[];
  metricOptions: {value: string; label: string}[];
  onChange: (fn: (b: RateBonus) => void) => void;
  onRemove: () => void;
}) {
  const {t, tx} = useLang();
  return (
    <Box borderLeft="thick" paddingLeft={2} marginY={2}>
      <Text fontWeight={500}>{tx(bonus.label) || bonus.id}</Text>
      <IssueNotes issues={issuesAt(issues, path, true)} />
      <BilingualInput label={t('settings.bonus.label')} value={bonus.label} issues={issuesAt(issues, `${path}.label`)} onChange={(label) => onChange((b) => void (b.label = label))} />
      <Row>
        <Choice
          label={t('settings.incentives.metric')}
          value={bonus.metricId}
          options={metricOptions}
          issues={issuesAt(issues, `${path}.metricId`)}
          onChange={(metricId) => onChange((b) => void (b.metricId = metricId))}
        />
        <Choice
          label={t('settings.bonus.tierMode')}
          value={bonus.tierMode}
          width="260px"
          options={[
            {value: 'marginal', label: t('settings.bonus.marginal')},
            {value: 'whole', label: t('settings.bonus.whole')},
          ]}
          onChange={(tierMode) => onChange((b) => void (b.tierMode = tierMode))}
        />
      </Row>
      <IssueNotes issues={issuesAt(issues, `${path}.tiers`, true)} />
      {bonus.tiers.map((tier, i) => (
        <Row key={i}>
          <DecimalInput
            label={t('settings.bonus.fromAttainment')}
            value={tier.fromAttainment}
            suffix="%"
            issues={issuesAt(issues, `${path}.tiers[${i}].fromAttainment`)}
            onChange={(fromAttainment) => onChange((b) => void (b.tiers[i].fromAttainment = fromAttainment))}
          />
          <DecimalInput
            label={t('settings.bonus.rate')}
            value={tier.rate}
            issues={issuesAt(issues, `${path}.tiers[${i}].rate`)}
            onChange={(rate) => onChange((b) => void (b.tiers[i].rate = rate))}
          />
          <Button size="small" icon="x" marginTop={3} aria-label={t('settings.remove')} onClick={() => onChange((b) => void b.tiers.splice(i, 1))} />
        </Row>
      ))}
      <Button size="small" icon="plus" onClick={() => onChange((b) => void b.tiers.push({fromAttainment: '', rate: ''}))}>
        {t('settings.bonus.addTier')}
      </Button>
      <Row>
        <DecimalInput
          label={t('settings.bonus.cap')}
          value={bonus.cap}
          issues={issuesAt(issues, `${path}.cap`)}
          onChange={(cap) =>
            onChange((b) => {
              if (cap.trim() === '') delete b.cap;
              else b.cap = cap;
            })
          }
        />
        <DecimalInput
          label={t('settings.bonus.fixedOnTarget')}
          value={bonus.fixedOnTarget}
          issues={issuesAt(issues, `${path}.fixedOnTarget`)}
          onChange={(fixed) =>
            onChange((b) => {
              if (fixed.trim() === '') delete b.fixedOnTarget;
              else b.fixedOnTarget = fixed;
            })
          }
        />
      </Row>
      <GateEditor
        gate={bonus.gate}
        path={`${path}.gate`}
        issues={issues}
        onChange={(gate) =>
          onChange((b) => {
            if (gate) b.gate = gate;
            else delete b.gate;
          })
        }
      />
      <Button size="small" icon="trash" variant="secondary" onClick={onRemove}>
        {t('settings.bonus.remove')}
      </Button>
    </Box>
  );
}

function HonourEditor({
  honour,
  path,
  issues,
  metricOptions,
  onChange,
  onRemove,
}: {
  honour: Honour;
  path: string;
  issues: readonly Issue[];
  metricOptions: {value: string; label: string}[];
  onChange: (fn: (h: Honour) => void) => void;
  onRemove: () => void;
}) {
  const {t} = useLang();
  const TOTAL = '__totalScore';
  return (
    <Box borderLeft="thick" paddingLeft={2} marginY={2}>
      <IssueNotes issues={issuesAt(issues, path, true)} />
      <BilingualInput label={t('settings.honours.title')} value={honour.title} issues={issuesAt(issues, `${path}.title`)} onChange={(title) => onChange((h) => void (h.title = title))} />
      <Row>
        <Choice
          label={t('settings.honours.by')}
          value={honour.by === 'totalScore' ? TOTAL : honour.by.metricId}
          options={[{value: TOTAL, label: t('settings.result.totalScore')}, ...metricOptions]}
          issues={issuesAt(issues, `${path}.by`)}
          onChange={(by) => onChange((h) => void (h.by = by === TOTAL ? 'totalScore' : {metricId: by}))}
        />
        <Choice
          label={t('settings.honours.direction')}
          value={honour.direction}
          width="140px"
          options={[
            {value: 'highest', label: t('settings.honours.highest')},
            {value: 'lowest', label: t('settings.honours.lowest')},
          ]}
          onChange={(direction) => onChange((h) => void (h.direction = direction))}
        />
        <Field label={t('settings.honours.tier')} width="140px" issues={issuesAt(issues, `${path}.tier`)}>
          <Input
            value={honour.tier ?? ''}
            onChange={({target: {value: typed}}) =>
              onChange((h) => {
                if (typed.trim() === '') delete h.tier;
                else h.tier = typed;
              })
            }
          />
        </Field>
        <IntInput
          label={t('settings.honours.minSample')}
          value={honour.minSample}
          issues={issuesAt(issues, `${path}.minSample`)}
          onChange={(n) =>
            onChange((h) => {
              if (n === undefined) delete h.minSample;
              else h.minSample = n;
            })
          }
        />
        <IntInput label={t('settings.honours.count')} value={honour.count} min={1} issues={issuesAt(issues, `${path}.count`)} onChange={(n) => onChange((h) => void (h.count = n ?? 1))} />
      </Row>
      <Button size="small" icon="trash" variant="secondary" onClick={onRemove}>
        {t('settings.honours.remove')}
      </Button>
    </Box>
  );
}
