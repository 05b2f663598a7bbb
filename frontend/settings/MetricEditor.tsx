/**
 * One metric (指标): where its value comes from, its scope, target, scoring, weight and the
 * improvement action named in feedback when it is among the weakest.
 */
import {memo} from 'react';
import {Box, Button, Input, Select, Text} from '@airtable/blocks/ui';
import type {Aggregation, Filter, FilterOp, Metric, MetricFamily, MetricUnit, PlanDocument, Scoring, Target} from '../../src/plan';
import type {Issue} from '../../src/results';
import {useLang} from '../state/lang';
import {BilingualInput, DecimalInput, Field, IntInput, IssueNotes, Row, Section} from './controls';
import {issuesAt, sameIssuesAt} from './draft';
import type {InputRole} from './fieldRoles';
import type {Edit} from './MappingSection';
import {FieldRefPicker, useTable} from './pickers';

/** A labelled SDK Select over plain string values. */
export function Choice<V extends string>({
  label,
  value,
  options,
  onChange,
  issues,
  width = '200px',
}: {
  label: string;
  value: V | undefined;
  options: {value: V; label: string}[];
  onChange: (next: V) => void;
  issues?: readonly Issue[];
  width?: string;
}) {
  return (
    <Field label={label} issues={issues} width={width}>
      <Select value={value ?? null} options={options} onChange={(next) => onChange(next as V)} />
    </Field>
  );
}

const AGGREGATIONS: Aggregation[] = ['sum', 'count', 'distinctCount', 'average', 'rate'];
const FAMILIES: MetricFamily[] = ['sales', 'customerDevelopment', 'customerQuality', 'network', 'teamwork', 'qualitative'];
const UNITS: MetricUnit[] = ['money', 'count', 'percent', 'rating', 'number'];
const FILTER_OPS: FilterOp[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'isEmpty', 'notEmpty', 'isTrue'];

/** The value field needed by an aggregation: none for counts and rates, a number for sums. */
function valueRole(aggregation: Aggregation): InputRole | null {
  if (aggregation === 'count' || aggregation === 'rate') return null;
  if (aggregation === 'distinctCount') return 'any';
  return 'rating';
}

function defaultTarget(kind: Target['kind']): Target {
  switch (kind) {
    case 'none':
      return {kind};
    case 'fixed':
      return {kind, value: '1'};
    case 'perTier':
      return {kind, values: {}};
    case 'participantField':
      return {kind, field: {id: '', name: ''}};
  }
}

function defaultScoring(kind: Scoring['kind']): Scoring {
  switch (kind) {
    case 'attainment':
    case 'lowerIsBetter':
      return {kind, cap: '120'};
    case 'scale':
      return {kind, min: '1', max: '5'};
    case 'bands':
      return {kind, on: 'attainment', bands: [{from: '0', score: '0'}, {from: '100', score: '100'}]};
  }
}

interface MetricProps {
  plan: PlanDocument;
  versionIndex: number;
  index: number;
  issues: readonly Issue[];
  edit: Edit;
}

/** Re-rendered only when this metric, the mapping or the metric's issues change. */
export const MetricEditor = memo(MetricEditorView, (a: MetricProps, b: MetricProps) => {
  const path = `versions[${a.versionIndex}].metrics[${a.index}]`;
  return (
    a.edit === b.edit &&
    a.versionIndex === b.versionIndex &&
    a.index === b.index &&
    a.plan.versions[a.versionIndex]?.metrics[a.index] === b.plan.versions[b.versionIndex]?.metrics[b.index] &&
    a.plan.mapping === b.plan.mapping &&
    sameIssuesAt(a.issues, b.issues, path)
  );
});

function MetricEditorView({plan, versionIndex, index, issues, edit}: MetricProps) {
  const {t, tx, n} = useLang();
  const metric = plan.versions[versionIndex].metrics[index];
  const path = `versions[${versionIndex}].metrics[${index}]`;
  const at = (sub: string) => issuesAt(issues, `${path}.${sub}`);
  const change = (fn: (m: Metric) => void) => edit((draft) => fn(draft.versions[versionIndex].metrics[index]));
  const source = metric.source.kind === 'source' ? plan.mapping.sources.find((s) => s.id === (metric.source as {sourceId: string}).sourceId) : undefined;
  const sourceTable = useTable(source?.table.id ? source.table : undefined);
  const peopleTable = useTable(plan.mapping.people?.table);
  const count = issuesAt(issues, path).length;

  return (
    <Section
      title={`${tx(metric.label) || metric.id} · ${t('settings.metric.weight')} ${metric.weight}%`}
      badge={count ? n(count, 'settings.n.problems') : undefined}
    >
      <IssueNotes issues={issuesAt(issues, path, true)} />
      <BilingualInput label={t('settings.metric.label')} value={metric.label} issues={at('label')} onChange={(label) => change((m) => void (m.label = label))} />
      <Row>
        <DecimalInput
          label={t('settings.metric.weight')}
          value={metric.weight}
          suffix="%"
          issues={at('weight')}
          onChange={(weight) => change((m) => void (m.weight = weight))}
        />
        <Choice
          label={t('settings.metric.family')}
          value={metric.family}
          options={FAMILIES.map((f) => ({value: f, label: t(`settings.family.${f}`)}))}
          onChange={(family) => change((m) => void (m.family = family))}
        />
        <Choice
          label={t('settings.metric.unit')}
          value={metric.unit}
          options={UNITS.map((u) => ({value: u, label: t(`settings.unit.${u}`)}))}
          onChange={(unit) => change((m) => void (m.unit = unit))}
        />
      </Row>

      <Text fontWeight={500} marginTop={1}>
        {t('settings.metric.valueHeading')}
      </Text>
      <Row>
        <Choice
          label={t('settings.metric.sourceKind')}
          value={metric.source.kind}
          options={[
            {value: 'source', label: t('settings.metric.fromSource')},
            {value: 'participant', label: t('settings.metric.fromParticipant')},
          ]}
          issues={issuesAt(issues, `${path}.source`, true)}
          onChange={(kind) =>
            change((m) => {
              if (kind === m.source.kind) return;
              m.source =
                kind === 'participant'
                  ? {kind, field: {id: '', name: ''}}
                  : {kind, sourceId: plan.mapping.sources[0]?.id ?? '', aggregation: 'count'};
            })
          }
        />
        {metric.source.kind === 'source' ? (
          <>
            <Choice
              label={t('settings.metric.source')}
              value={metric.source.sourceId}
              options={plan.mapping.sources.map((s) => ({value: s.id, label: tx(s.label) || s.id}))}
              issues={at('source.sourceId')}
              onChange={(sourceId) =>
                change((m) => {
                  if (m.source.kind !== 'source') return;
                  m.source = {kind: 'source', sourceId, aggregation: m.source.aggregation};
                })
              }
            />
            <Choice
              label={t('settings.metric.aggregation')}
              value={metric.source.aggregation}
              options={AGGREGATIONS.map((a) => ({value: a, label: t(`settings.aggregation.${a}`)}))}
              issues={at('source.aggregation')}
              onChange={(aggregation) =>
                change((m) => {
                  if (m.source.kind !== 'source') return;
                  m.source.aggregation = aggregation;
                  if (!valueRole(aggregation)) delete m.source.field;
                  if (aggregation !== 'rate') delete m.source.rateFilter;
                })
              }
            />
            {valueRole(metric.source.aggregation) ? (
              <FieldRefPicker
                label={t('settings.metric.valueField')}
                table={sourceTable}
                value={metric.source.field}
                role={valueRole(metric.source.aggregation) as InputRole}
                width="220px"
                issues={at('source.field')}
                onChange={(field) =>
                  change((m) => {
                    if (m.source.kind !== 'source') return;
                    if (field) m.source.field = field;
                    else delete m.source.field;
                  })
                }
              />
            ) : null}
          </>
        ) : (
          <FieldRefPicker
            label={t('settings.metric.participantField')}
            table={peopleTable}
            value={metric.source.field.id ? metric.source.field : undefined}
            role="rating"
            width="220px"
            issues={at('source.field')}
            onChange={(field) => change((m) => void (m.source = {kind: 'participant', field: field ?? {id: '', name: ''}}))}
          />
        )}
      </Row>
      {metric.source.kind === 'source' ? (
        <>
          <FilterEditor
            label={t('settings.metric.filter')}
            table={sourceTable}
            value={metric.source.filter}
            issues={at('source.filter')}
            onChange={(filter) =>
              change((m) => {
                if (m.source.kind !== 'source') return;
                if (filter) m.source.filter = filter;
                else delete m.source.filter;
              })
            }
          />
          {metric.source.aggregation === 'rate' ? (
            <FilterEditor
              label={t('settings.metric.rateFilter')}
              table={sourceTable}
              value={metric.source.rateFilter}
              issues={at('source.rateFilter')}
              onChange={(filter) =>
                change((m) => {
                  if (m.source.kind !== 'source') return;
                  if (filter) m.source.rateFilter = filter;
                  else delete m.source.rateFilter;
                })
              }
            />
          ) : null}
        </>
      ) : null}

      <Row>
        <Choice
          label={t('settings.metric.scope')}
          value={metric.scope.kind}
          options={[
            {value: 'personal', label: t('settings.scope.personal')},
            {value: 'team', label: t('settings.scope.team')},
          ]}
          issues={issuesAt(issues, `${path}.scope`, true)}
          onChange={(kind) => change((m) => void (m.scope = kind === 'team' ? {kind, depth: 1} : {kind}))}
        />
        {metric.scope.kind === 'team' ? (
          <IntInput
            label={t('settings.scope.depth')}
            value={metric.scope.depth}
            min={1}
            issues={at('scope.depth')}
            onChange={(depth) => change((m) => void (m.scope = {kind: 'team', depth: depth ?? 1}))}
          />
        ) : null}
      </Row>

      <TargetEditor plan={plan} target={metric.target} path={`${path}.target`} issues={issues} onChange={(target) => change((m) => void (m.target = target))} />
      <ScoringEditor scoring={metric.scoring} path={`${path}.scoring`} issues={issues} onChange={(scoring) => change((m) => void (m.scoring = scoring))} />

      <BilingualInput
        label={t('settings.metric.improvement')}
        value={metric.improvement}
        issues={at('improvement')}
        onChange={(improvement) => change((m) => void (m.improvement = improvement))}
      />
      <Button size="small" icon="trash" variant="secondary" onClick={() => edit((draft) => void draft.versions[versionIndex].metrics.splice(index, 1))}>
        {t('settings.metric.remove')}
      </Button>
    </Section>
  );
}

function FilterEditor({
  label,
  table,
  value,
  onChange,
  issues,
}: {
  label: string;
  table: ReturnType<typeof useTable>;
  value: Filter | undefined;
  onChange: (next: Filter | undefined) => void;
  issues: readonly Issue[];
}) {
  const {t} = useLang();
  const needsValue = value && !['isEmpty', 'notEmpty', 'isTrue'].includes(value.op);
  return (
    <Row>
      <FieldRefPicker
        label={label}
        table={table}
        value={value?.field}
        role="any"
        width="220px"
        issues={issues}
        onChange={(field) => onChange(field ? {op: 'eq', value: '', ...value, field} : undefined)}
      />
      {value ? (
        <Choice
          label={t('settings.filter.op')}
          value={value.op}
          width="160px"
          options={FILTER_OPS.map((op) => ({value: op, label: t(`settings.filter.${op}`)}))}
          onChange={(op) => onChange({...value, op})}
        />
      ) : null}
      {value && needsValue ? (
        <Field label={t('settings.filter.value')} width="160px">
          <Input value={value.value ?? ''} onChange={(e) => onChange({...value, value: e.target.value})} />
        </Field>
      ) : null}
    </Row>
  );
}

function TargetEditor({
  plan,
  target,
  path,
  issues,
  onChange,
}: {
  plan: PlanDocument;
  target: Target;
  path: string;
  issues: readonly Issue[];
  onChange: (next: Target) => void;
}) {
  const {t} = useLang();
  const peopleTable = useTable(plan.mapping.people?.table);
  const tierField = plan.mapping.people?.tier && peopleTable ? peopleTable.getFieldByIdIfExists(plan.mapping.people.tier.id) : null;
  const tierChoices =
    tierField && 'choices' in (tierField.options ?? {}) ? ((tierField.options as {choices: {name: string}[]}).choices ?? []).map((c) => c.name) : [];
  return (
    <Box>
      <Row>
        <Choice
          label={t('settings.target.kind')}
          value={target.kind}
          options={(['none', 'fixed', 'perTier', 'participantField'] as const).map((k) => ({value: k, label: t(`settings.target.${k}`)}))}
          issues={issuesAt(issues, path, true)}
          onChange={(kind) => kind !== target.kind && onChange(defaultTarget(kind))}
        />
        {target.kind === 'fixed' ? (
          <DecimalInput label={t('settings.target.value')} value={target.value} issues={issuesAt(issues, `${path}.value`)} onChange={(value) => onChange({...target, value})} />
        ) : null}
        {target.kind === 'participantField' ? (
          <FieldRefPicker
            label={t('settings.target.field')}
            table={peopleTable}
            value={target.field.id ? target.field : undefined}
            role="amount"
            width="220px"
            issues={issuesAt(issues, `${path}.field`)}
            onChange={(field) => onChange({kind: 'participantField', field: field ?? {id: '', name: ''}})}
          />
        ) : null}
        {target.kind === 'perTier'
          ? [...new Set([...tierChoices, ...Object.keys(target.values)])].map((tier) => (
              <DecimalInput
                key={tier}
                label={t('settings.target.forTier', {tier})}
                value={target.values[tier]}
                issues={issuesAt(issues, `${path}.values.${tier}`)}
                onChange={(value) => onChange({...target, values: {...target.values, [tier]: value}})}
              />
            ))
          : null}
        {target.kind === 'perTier' ? (
          <DecimalInput
            label={t('settings.target.fallback')}
            value={target.fallback}
            issues={issuesAt(issues, `${path}.fallback`)}
            onChange={(fallback) => {
              const {fallback: _old, ...rest} = target;
              onChange(fallback.trim() === '' ? rest : {...rest, fallback});
            }}
          />
        ) : null}
      </Row>
      {target.kind === 'perTier' && tierChoices.length === 0 && Object.keys(target.values).length === 0 ? (
        <Text textColor="light">
          {t('settings.target.noTiers')}
        </Text>
      ) : null}
    </Box>
  );
}

function ScoringEditor({
  scoring,
  path,
  issues,
  onChange,
}: {
  scoring: Scoring;
  path: string;
  issues: readonly Issue[];
  onChange: (next: Scoring) => void;
}) {
  const {t} = useLang();
  return (
    <Box>
      <Row>
        <Choice
          label={t('settings.scoring.kind')}
          value={scoring.kind}
          options={(['attainment', 'lowerIsBetter', 'scale', 'bands'] as const).map((k) => ({value: k, label: t(`settings.scoring.${k}`)}))}
          issues={issuesAt(issues, path, true)}
          onChange={(kind) => kind !== scoring.kind && onChange(defaultScoring(kind))}
        />
        {scoring.kind === 'attainment' || scoring.kind === 'lowerIsBetter' ? (
          <DecimalInput label={t('settings.scoring.cap')} value={scoring.cap} suffix="%" issues={issuesAt(issues, `${path}.cap`)} onChange={(cap) => onChange({...scoring, cap})} />
        ) : null}
        {scoring.kind === 'scale' ? (
          <>
            <DecimalInput label={t('settings.scoring.min')} value={scoring.min} issues={issuesAt(issues, `${path}.min`)} onChange={(min) => onChange({...scoring, min})} />
            <DecimalInput label={t('settings.scoring.max')} value={scoring.max} issues={issuesAt(issues, `${path}.max`)} onChange={(max) => onChange({...scoring, max})} />
          </>
        ) : null}
        {scoring.kind === 'bands' ? (
          <Choice
            label={t('settings.scoring.on')}
            value={scoring.on}
            options={[
              {value: 'attainment', label: t('settings.scoring.onAttainment')},
              {value: 'value', label: t('settings.scoring.onValue')},
            ]}
            onChange={(on) => onChange({...scoring, on})}
          />
        ) : null}
      </Row>
      {scoring.kind === 'bands' ? (
        <Box>
          <IssueNotes issues={issuesAt(issues, `${path}.bands`, true)} />
          {scoring.bands.map((band, i) => (
            <Row key={i}>
              <DecimalInput
                label={t('settings.scoring.bandFrom')}
                value={band.from}
                issues={issuesAt(issues, `${path}.bands[${i}].from`)}
                onChange={(from) => onChange({...scoring, bands: scoring.bands.map((b, k) => (k === i ? {...b, from} : b))})}
              />
              <DecimalInput
                label={t('settings.scoring.bandScore')}
                value={band.score}
                issues={issuesAt(issues, `${path}.bands[${i}].score`)}
                onChange={(score) => onChange({...scoring, bands: scoring.bands.map((b, k) => (k === i ? {...b, score} : b))})}
              />
              <Button size="small" icon="x" aria-label={t('settings.remove')} marginTop={3} onClick={() => onChange({...scoring, bands: scoring.bands.filter((_, k) => k !== i)})} />
            </Row>
          ))}
          <Button size="small" icon="plus" onClick={() => onChange({...scoring, bands: [...scoring.bands, {from: '', score: ''}]})}>
            {t('settings.scoring.addBand')}
          </Button>
        </Box>
      ) : null}
    </Box>
  );
}
