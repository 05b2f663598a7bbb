/**
 * The plan validator: every problem of a plan document at once, each with a stable code, the path
 * of the control it concerns (e.g. `versions[0].metrics[2].weight`) and a zh/en message naming the
 * metric, grade, field or table. Given the base's schema it also checks the mapping against the
 * base: fields that exist, types that fit, result fields that can be written.
 *
 * The input is read defensively: a document typed in by hand, imported from a file or left by an
 * older version may have any shape, and the settings screen must still show what is wrong instead
 * of failing. Codes and messages are listed in docs/plan-document.md.
 */
import Decimal from 'decimal.js';
import {catalogue, fill, type MessageKey} from './i18n';
import {fitsResult, fitsRole, type FieldRole} from './fieldMatch';
import {PLAN_SCHEMA_VERSION, RESULT_KEYS, type Lang, type PlanDocument, type ResultKey, type Text} from './plan';
import type {Issue, IssueSeverity} from './results';
import type {BaseSchema, FieldSchema, TableSchema} from './schema';

/** The stable codes of the validator, derived from the catalogue so a code cannot lack its message. */
export type ValidationCode = MessageKey extends infer K
  ? K extends `validate.${infer C}`
    ? C extends `${'plan' | 'mapping' | 'migrate' | 'import' | 'storage'}.${string}`
      ? C
      : never
    : never
  : never;

type Param = string | number | Text;
type Params = Record<string, Param>;

const LANGS: Lang[] = ['zh', 'en'];

const isText = (p: Param): p is Text => typeof p === 'object' && p !== null;

/** A catalogue entry filled per language, where a parameter may itself differ per language. */
export function message(key: MessageKey, params: Params = {}): Text {
  const out = {zh: '', en: ''};
  for (const lang of LANGS) {
    const flat: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(params)) flat[name] = isText(value) ? value[lang] : value;
    out[lang] = fill(catalogue[key][lang], flat);
  }
  return out;
}

/** A sentence may start with a part such as "weight of metric ...": capitalised in English. */
const sentence = (t: Text): Text => ({zh: t.zh, en: t.en.charAt(0).toUpperCase() + t.en.slice(1)});

const owner = (key: MessageKey, name?: Param): Text => message(key, name === undefined ? {} : {name});
/** "指标“销售额”的权重" / "weight of metric "Sales amount"". */
const thing = (who: Text, part: MessageKey, params: Params = {}): Text => {
  const partText = message(part, params);
  return {
    zh: fill(catalogue['validate.thing'].zh, {owner: who.zh, part: partText.zh}),
    en: fill(catalogue['validate.thing'].en, {owner: who.en, part: partText.en}),
  };
};

/** One issue of the plan document, its message from the catalogue entry `validate.<code>`. */
export function planIssue(
  code: ValidationCode,
  severity: IssueSeverity,
  path: string,
  params: Params = {},
  extra: Partial<Issue> = {},
): Issue {
  return {code, severity, path, message: sentence(message(`validate.${code}` as MessageKey, params)), ...extra};
}

// --- Defensive reading ---------------------------------------------------------------------------

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const obj = (x: unknown): Obj => (isObj(x) ? x : {});
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string => (typeof x === 'string' ? x : '');
/** A value as the user typed it, for messages; an absent value shows as "—". */
const shown = (x: unknown): string => {
  if (x === undefined || x === null || x === '') return '—';
  return typeof x === 'string' || typeof x === 'number' ? String(x) : (JSON.stringify(x) ?? '—');
};

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A decimal kept as text, e.g. "60" or "0.05"; null when it is not one (numbers included: they lose exactness). */
export function parseDecimal(value: unknown): Decimal | null {
  if (typeof value !== 'string' || !DECIMAL.test(value.trim())) return null;
  return new Decimal(value.trim());
}

function isIsoDate(value: unknown): value is string {
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const isWhole = (x: unknown, min: number): x is number => typeof x === 'number' && Number.isInteger(x) && x >= min;

/** A label in both languages, falling back to the id so a message always names something. */
function labelOf(x: Obj, key: 'label' | 'title' = 'label', fallback = '?'): Text {
  const label = obj(x[key]);
  const id = str(x.id) || fallback;
  return {zh: str(label.zh) || str(label.en) || id, en: str(label.en) || str(label.zh) || id};
}

// --- The checker ---------------------------------------------------------------------------------

/** A mapped field the plan reads, with what it must be. */
interface FieldUse {
  path: string;
  tableId: string;
  ref: unknown;
  role: FieldRole | 'participant' | 'upline';
  thing: Text;
  /** Absent (not chosen) is an error when true; optional references are checked only when set. */
  required: boolean;
}

const RESULT_ROLE: Record<ResultKey, MessageKey> = {
  totalScore: 'validate.role.result.number',
  grade: 'validate.role.result.grade',
  rank: 'validate.role.result.rank',
  performancePay: 'validate.role.result.money',
  bonus: 'validate.role.result.money',
  teamBonus: 'validate.role.result.money',
  award: 'validate.role.result.money',
  totalPay: 'validate.role.result.money',
  honours: 'validate.role.result.text',
  breakdown: 'validate.role.result.text',
  feedback: 'validate.role.result.text',
  calculatedAt: 'validate.role.result.time',
};

const PEOPLE_FIELDS = ['name', 'upline', 'team', 'tier', 'baseSalary', 'performancePayBase'] as const;
const PEOPLE_ROLES: Record<(typeof PEOPLE_FIELDS)[number], FieldUse['role']> = {
  name: 'any',
  upline: 'upline',
  team: 'label',
  tier: 'label',
  baseSalary: 'money',
  performancePayBase: 'money',
};

class Checker {
  readonly issues: Issue[] = [];
  private readonly fieldUses: FieldUse[] = [];
  /** What needs which people field, for one message per missing field. */
  private readonly needs = {upline: [] as Text[], tier: [] as Text[], team: [] as Text[], payBase: false};
  private sourceIds = new Set<string>();
  private readonly sourceTables = new Map<string, string>();
  private readonly allGrades = new Set<string>();
  private readonly usedSources = new Set<string>();
  private peopleTableId = '';

  constructor(private readonly schema: BaseSchema | undefined) {}

  add(code: ValidationCode, severity: IssueSeverity, path: string, params: Params = {}, extra: Partial<Issue> = {}) {
    this.issues.push(planIssue(code, severity, path, params, extra));
  }

  /** A decimal at `path`; reports it and returns null when it does not parse. */
  decimal(value: unknown, path: string, what: Text): Decimal | null {
    const d = parseDecimal(value);
    if (d === null) this.add('plan.decimal.invalid', 'error', path, {thing: what, value: shown(value)});
    return d;
  }

  /** A decimal that must not be negative; `code` says which kind of number it is. */
  nonNegative(
    value: unknown,
    path: string,
    what: Text,
    code: 'plan.weight.negative' | 'plan.rate.negative' | 'plan.amount.negative' | 'plan.target.negative' | 'plan.coefficient.negative' | 'plan.score.negative',
  ): Decimal | null {
    const d = this.decimal(value, path, what);
    if (d && d.isNegative()) this.add(code, 'error', path, {thing: what, value: d.toString()});
    return d;
  }

  /** Ids must be non-empty and unique within their list. */
  ids(items: unknown[], path: string, ownerOf: (item: Obj, i: number) => Text) {
    const seen = new Set<string>();
    items.forEach((raw, i) => {
      const item = obj(raw);
      const id = str(item.id);
      const who = ownerOf(item, i);
      if (!id) this.add('plan.id.empty', 'error', `${path}[${i}].id`, {thing: thing(who, 'validate.part.id')});
      else if (seen.has(id)) this.add('plan.id.duplicate', 'error', `${path}[${i}].id`, {id, thing: who});
      seen.add(id);
    });
  }

  run(plan: unknown) {
    if (!isObj(plan)) {
      this.add('plan.document.invalid', 'error', '');
      return;
    }
    if (plan.schemaVersion !== PLAN_SCHEMA_VERSION) {
      this.add('plan.schemaVersion', 'error', 'schemaVersion', {version: shown(plan.schemaVersion), current: PLAN_SCHEMA_VERSION});
    }
    for (const part of ['mapping', 'periods', 'versions', 'currency'] as const) {
      const ok = part === 'periods' || part === 'versions' ? Array.isArray(plan[part]) : isObj(plan[part]);
      if (!ok) this.add('plan.structure', 'error', part, {part});
    }
    const mapping = obj(plan.mapping);
    // Metric fields are checked against their source's table, and the grade result field against
    // every grade: both are known before the versions are read.
    for (const s of list(mapping.sources).map(obj)) {
      if (str(s.id) && !this.sourceTables.has(str(s.id))) this.sourceTables.set(str(s.id), str(obj(s.table).id));
    }
    for (const v of list(plan.versions)) for (const g of list(obj(v).grades)) if (str(obj(g).grade)) this.allGrades.add(str(obj(g).grade));
    this.sourceIds = new Set(list(mapping.sources).map((s) => str(obj(s).id)).filter(Boolean));
    this.peopleTableId = str(obj(obj(mapping.people).table).id);
    const versions = list(plan.versions);
    versions.forEach((v, i) => this.version(obj(v), i));
    this.versionRanges(versions);
    this.periods(list(plan.periods), versions);
    this.currency(obj(plan.currency));
    this.mapping(mapping);
  }

  // --- Versions, periods, currency ---

  versionRanges(versions: unknown[]) {
    if (versions.length === 0) this.add('plan.versions.none', 'error', 'versions');
    this.ids(versions, 'versions', (v, i) => owner('validate.owner.version', str(v.label) || str(v.id) || `#${i + 1}`));
    const ranges: {i: number; from: string; to: string; name: string}[] = [];
    versions.forEach((raw, i) => {
      const v = obj(raw);
      const name = str(v.label) || str(v.id) || `#${i + 1}`;
      const who = owner('validate.owner.version', name);
      if (!isIsoDate(v.effectiveFrom)) {
        this.add('plan.date.invalid', 'error', `versions[${i}].effectiveFrom`, {thing: who, value: shown(v.effectiveFrom)});
        return;
      }
      if (v.effectiveTo !== undefined && !isIsoDate(v.effectiveTo)) {
        this.add('plan.date.invalid', 'error', `versions[${i}].effectiveTo`, {thing: who, value: shown(v.effectiveTo)});
        return;
      }
      const to = (v.effectiveTo as string | undefined) ?? '9999-12-31';
      if (to < v.effectiveFrom) {
        this.add('plan.version.range', 'error', `versions[${i}].effectiveTo`, {version: name, from: v.effectiveFrom, to});
        return;
      }
      for (const other of ranges) {
        if (v.effectiveFrom <= other.to && other.from <= to) {
          this.add('plan.versions.overlap', 'error', `versions[${i}].effectiveFrom`, {version: name, other: other.name});
        }
      }
      ranges.push({i, from: v.effectiveFrom, to, name});
    });
  }

  periods(periods: unknown[], versions: unknown[]) {
    if (Array.isArray(periods) && periods.length === 0) this.add('plan.periods.none', 'error', 'periods');
    this.ids(periods, 'periods', (p, i) => owner('validate.owner.period', str(p.label) || str(p.id) || `#${i + 1}`));
    periods.forEach((raw, i) => {
      const p = obj(raw);
      const name = str(p.label) || str(p.id) || `#${i + 1}`;
      const who = owner('validate.owner.period', name);
      const badStart = !isIsoDate(p.start);
      const badEnd = !isIsoDate(p.end);
      if (badStart) this.add('plan.date.invalid', 'error', `periods[${i}].start`, {thing: who, value: shown(p.start)});
      if (badEnd) this.add('plan.date.invalid', 'error', `periods[${i}].end`, {thing: who, value: shown(p.end)});
      if (badStart || badEnd) return;
      const start = p.start as string;
      if ((p.end as string) < start) this.add('plan.period.range', 'error', `periods[${i}].end`, {period: name, start, end: shown(p.end)});
      // The same rule as versionForPeriod: the version in force at the period's start.
      const covered = versions.some((rawV) => {
        const v = obj(rawV);
        return isIsoDate(v.effectiveFrom) && v.effectiveFrom <= start && (v.effectiveTo === undefined || start <= str(v.effectiveTo));
      });
      if (!covered) this.add('plan.period.noVersion', 'error', `periods[${i}]`, {period: name, start});
    });
  }

  currency(currency: Obj) {
    if (!isWhole(currency.precision, 0) || currency.precision > 4) {
      this.add('plan.currency.precision', 'error', 'currency.precision', {value: shown(currency.precision)});
    }
    if (!['halfUp', 'halfEven', 'down'].includes(str(currency.rounding))) {
      this.add('plan.currency.rounding', 'error', 'currency.rounding', {value: shown(currency.rounding)});
    }
    if (!str(currency.code).trim()) this.add('plan.currency.code', 'warning', 'currency.code');
  }

  // --- One plan version ---

  version(v: Obj, vi: number) {
    const path = `versions[${vi}]`;
    const versionName = str(v.label) || str(v.id) || `#${vi + 1}`;
    const metrics = list(v.metrics).map(obj);
    if (!Array.isArray(v.metrics)) this.add('plan.structure', 'error', `${path}.metrics`, {part: `${path}.metrics`});
    else if (metrics.length === 0) this.add('plan.metrics.none', 'error', `${path}.metrics`, {version: versionName});
    this.ids(metrics, `${path}.metrics`, (m, i) => owner('validate.owner.metric', labelOf(m, 'label', `#${i + 1}`)));

    const metricsById = new Map<string, Obj>();
    for (const m of metrics) if (str(m.id) && !metricsById.has(str(m.id))) metricsById.set(str(m.id), m);

    let sum = new Decimal(0);
    let allWeights = true;
    metrics.forEach((m, i) => {
      const w = this.metric(m, `${path}.metrics[${i}]`);
      if (w) sum = sum.plus(w);
      else allWeights = false;
    });
    // With a weight that does not parse, its own message says so; a sum would only mislead.
    if (allWeights && metrics.length > 0 && !sum.eq(100)) {
      this.add('plan.weights.sum', 'error', `${path}.metrics`, {version: versionName, sum: sum.toString()});
    }

    const gradeNames = this.grades(v.grades, `${path}.grades`, versionName);
    this.incentives(obj(v.incentives), `${path}.incentives`, metricsById, gradeNames);
    const feedback = obj(v.feedback);
    for (const key of ['strengths', 'weakest'] as const) {
      if (!isWhole(feedback[key], 0)) {
        this.add('plan.integer.invalid', 'error', `${path}.feedback.${key}`, {
          thing: thing(owner('validate.owner.feedback'), `validate.part.${key}`),
          min: 0,
          value: shown(feedback[key]),
        });
      }
    }
  }

  /** Checks one metric and returns its weight (null when it does not parse). */
  metric(m: Obj, path: string): Decimal | null {
    const label = labelOf(m);
    const who = owner('validate.owner.metric', label);
    const labelObj = obj(m.label);
    if (!str(labelObj.zh).trim() || !str(labelObj.en).trim()) this.add('plan.label.missing', 'warning', `${path}.label`, {thing: who});

    const weight = this.nonNegative(m.weight, `${path}.weight`, thing(who, 'validate.part.weight'), 'plan.weight.negative');
    // A rating scale reads a rating (or a plain number), not any amount.
    const valueRole: FieldRole = obj(m.scoring).kind === 'scale' ? 'rating' : 'number';
    this.metricSource(obj(m.source), `${path}.source`, label, who, valueRole);

    const scope = obj(m.scope);
    if (scope.kind === 'team') {
      if (!isWhole(scope.depth, 1)) {
        this.add('plan.scope.depth', 'error', `${path}.scope.depth`, {thing: thing(who, 'validate.part.depth'), value: shown(scope.depth)});
      }
      this.needs.upline.push(message('validate.reason.teamScope', {metric: label}));
    }

    const hasTarget = this.target(obj(m.target), `${path}.target`, label, who);
    this.scoring(obj(m.scoring), `${path}.scoring`, label, who, hasTarget);
    return weight;
  }

  metricSource(source: Obj, path: string, label: Text, who: Text, valueRole: FieldRole) {
    if (source.kind === 'participant') {
      this.useField({path: `${path}.field`, tableId: this.peopleTableId, ref: source.field, role: valueRole, thing: thing(who, 'validate.part.participantValue'), required: true});
      return;
    }
    if (source.kind !== 'source') {
      this.add('plan.metric.source.kind', 'error', `${path}.kind`, {metric: label});
      return;
    }
    const sourceId = str(source.sourceId);
    if (!this.sourceIds.has(sourceId)) this.add('plan.metric.source.unknown', 'error', `${path}.sourceId`, {metric: label, source: sourceId || '—'});
    this.usedSources.add(sourceId);
    const tableId = this.sourceTableId(sourceId);
    const aggregation = str(source.aggregation);
    if (!['sum', 'count', 'distinctCount', 'average', 'rate'].includes(aggregation)) {
      this.add('plan.metric.aggregation', 'error', `${path}.aggregation`, {metric: label, value: shown(source.aggregation)});
    }
    if (['sum', 'average', 'distinctCount'].includes(aggregation) || source.field !== undefined) {
      this.useField({
        path: `${path}.field`,
        tableId,
        ref: source.field,
        role: aggregation === 'distinctCount' ? 'any' : valueRole,
        thing: thing(who, 'validate.part.valueField'),
        required: aggregation !== 'count' && aggregation !== 'rate',
      });
    }
    if (source.filter !== undefined) this.filter(obj(source.filter), `${path}.filter`, tableId, thing(who, 'validate.part.filterField'));
    if (aggregation === 'rate' && source.rateFilter === undefined) {
      this.add('plan.metric.rateFilter.missing', 'error', `${path}.rateFilter`, {metric: label});
    }
    if (source.rateFilter !== undefined) {
      this.filter(obj(source.rateFilter), `${path}.rateFilter`, tableId, thing(who, 'validate.part.rateFilterField'));
    }
  }

  filter(filter: Obj, path: string, tableId: string, what: Text) {
    const op = str(filter.op);
    // "is true" needs a yes/no field; other conditions compare any value as text or number.
    this.useField({path: `${path}.field`, tableId, ref: filter.field, role: op === 'isTrue' ? 'flag' : 'any', thing: what, required: true});
    const needsValue = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'];
    if (![...needsValue, 'isEmpty', 'notEmpty', 'isTrue'].includes(op)) {
      this.add('plan.filter.op', 'error', `${path}.op`, {thing: what, value: shown(filter.op)});
    } else if (needsValue.includes(op) && (typeof filter.value !== 'string' || filter.value === '')) {
      this.add('plan.filter.value.missing', 'error', `${path}.value`, {thing: what});
    } else if (['gt', 'gte', 'lt', 'lte'].includes(op)) {
      this.decimal(filter.value, `${path}.value`, what);
    }
  }

  /** Checks a target; returns whether the metric has one (attainment needs it). */
  target(target: Obj, path: string, label: Text, who: Text): boolean {
    const positive = (value: unknown, at: string, what: Text) => {
      const d = this.nonNegative(value, at, what, 'plan.target.negative');
      if (d && d.isZero()) this.add('plan.target.zero', 'error', at, {thing: what});
    };
    switch (target.kind) {
      case 'none':
        return false;
      case 'fixed':
        positive(target.value, `${path}.value`, thing(who, 'validate.part.target'));
        return true;
      case 'perTier': {
        const values = obj(target.values);
        const tiers = Object.keys(values);
        if (tiers.length === 0) this.add('plan.target.perTier.empty', 'error', `${path}.values`, {metric: label});
        for (const tier of tiers) positive(values[tier], `${path}.values.${tier}`, thing(who, 'validate.part.tierTarget', {tier}));
        if (target.fallback !== undefined) positive(target.fallback, `${path}.fallback`, thing(who, 'validate.part.fallbackTarget'));
        this.needs.tier.push(message('validate.reason.perTier', {metric: label}));
        return true;
      }
      case 'participantField':
        this.useField({path: `${path}.field`, tableId: this.peopleTableId, ref: target.field, role: 'number', thing: thing(who, 'validate.part.targetField'), required: true});
        return true;
      default:
        this.add('plan.target.kind', 'error', `${path}.kind`, {metric: label});
        return false;
    }
  }

  scoring(scoring: Obj, path: string, label: Text, who: Text, hasTarget: boolean) {
    switch (scoring.kind) {
      case 'attainment':
      case 'lowerIsBetter': {
        const what = thing(who, 'validate.part.cap');
        const cap = this.decimal(scoring.cap, `${path}.cap`, what);
        if (cap && cap.lt(100)) this.add('plan.scoring.cap', 'error', `${path}.cap`, {thing: what, value: cap.toString()});
        if (!hasTarget) this.add('plan.target.missing', 'error', `${path.replace(/scoring$/, 'target')}`, {metric: label});
        return;
      }
      case 'scale': {
        const min = this.decimal(scoring.min, `${path}.min`, thing(who, 'validate.part.scaleMin'));
        const max = this.decimal(scoring.max, `${path}.max`, thing(who, 'validate.part.scaleMax'));
        if (min && max && !min.lt(max)) this.add('plan.scoring.scale', 'error', `${path}.max`, {metric: label, min: min.toString(), max: max.toString()});
        return;
      }
      case 'bands': {
        const bands = list(scoring.bands).map(obj);
        if (bands.length === 0) this.add('plan.scoring.bands.empty', 'error', `${path}.bands`, {metric: label});
        let prev: Decimal | null = null;
        bands.forEach((band, i) => {
          const from = this.decimal(band.from, `${path}.bands[${i}].from`, thing(who, 'validate.part.bandFrom', {n: i + 1}));
          this.nonNegative(band.score, `${path}.bands[${i}].score`, thing(who, 'validate.part.bandScore', {n: i + 1}), 'plan.score.negative');
          if (from && prev && !from.gt(prev)) {
            this.add('plan.scoring.bands.order', 'error', `${path}.bands[${i}].from`, {metric: label, prev: prev.toString(), value: from.toString()});
          }
          if (from) prev = from;
        });
        if (scoring.on === 'attainment' && !hasTarget) this.add('plan.target.missing', 'error', `${path.replace(/scoring$/, 'target')}`, {metric: label});
        return;
      }
      default:
        this.add('plan.scoring.kind', 'error', `${path}.kind`, {metric: label});
    }
  }

  /** Checks the grade bands; returns the grade names (for gates). */
  grades(raw: unknown, path: string, versionName: string): Set<string> {
    const grades = list(raw).map(obj);
    const names = new Set<string>();
    if (grades.length === 0) {
      this.add('plan.grades.none', 'error', path, {version: versionName});
      return names;
    }
    const bands: {i: number; grade: string; min: Decimal; max: Decimal | null}[] = [];
    grades.forEach((g, i) => {
      const grade = str(g.grade).trim();
      const at = `${path}[${i}]`;
      if (!grade) this.add('plan.grades.name.empty', 'error', `${at}.grade`, {n: i + 1});
      else if (names.has(grade)) this.add('plan.grades.duplicate', 'error', `${at}.grade`, {grade});
      names.add(grade);
      const who = owner('validate.owner.grade', grade || `#${i + 1}`);
      const min = this.decimal(g.min, `${at}.min`, thing(who, 'validate.part.min'));
      const max = g.max === undefined || g.max === '' ? null : this.decimal(g.max, `${at}.max`, thing(who, 'validate.part.max'));
      this.nonNegative(g.coefficient, `${at}.coefficient`, thing(who, 'validate.part.coefficient'), 'plan.coefficient.negative');
      if (min && max && !min.lt(max)) {
        this.add('plan.grades.range', 'error', `${at}.max`, {grade: grade || `#${i + 1}`, min: min.toString(), max: max.toString()});
        return;
      }
      const unreadableMax = g.max !== undefined && g.max !== '' && max === null;
      if (min && !unreadableMax) bands.push({i, grade: grade || `#${i + 1}`, min, max});
    });
    if (bands.length === 0) return names;

    bands.sort((a, b) => a.min.comparedTo(b.min) || a.i - b.i);
    const lowest = bands[0];
    if (lowest.min.gt(0)) this.add('plan.grades.start', 'error', `${path}[${lowest.i}].min`, {grade: lowest.grade, min: lowest.min.toString()});
    for (let k = 1; k < bands.length; k++) {
      const lower = bands[k - 1];
      const upper = bands[k];
      const params = {lower: lower.grade, upper: upper.grade, max: lower.max?.toString() ?? '∞', min: upper.min.toString()};
      if (lower.max === null || lower.max.gt(upper.min)) this.add('plan.grades.overlap', 'error', `${path}[${upper.i}].min`, params);
      else if (lower.max.lt(upper.min)) this.add('plan.grades.gap', 'error', `${path}[${upper.i}].min`, params);
    }
    const top = bands[bands.length - 1];
    if (top.max !== null) this.add('plan.grades.top', 'warning', `${path}[${top.i}].max`, {grade: top.grade, max: top.max.toString()});
    return names;
  }

  gate(raw: unknown, path: string, who: Text, grades: Set<string>) {
    if (raw === undefined) return;
    const gate = obj(raw);
    if (gate.minScore !== undefined && gate.minScore !== '') {
      this.nonNegative(gate.minScore, `${path}.minScore`, thing(who, 'validate.part.minScore'), 'plan.score.negative');
    }
    const minGrade = str(gate.minGrade);
    if (minGrade && !grades.has(minGrade)) this.add('plan.gate.grade.unknown', 'error', `${path}.minGrade`, {thing: who, grade: minGrade});
  }

  incentives(inc: Obj, path: string, metrics: Map<string, Obj>, grades: Set<string>) {
    const metricName = (id: string): Text => (metrics.has(id) ? labelOf(metrics.get(id)!) : {zh: id || '—', en: id || '—'});
    if (obj(inc.performancePay).enabled === true) this.needs.payBase = true;

    const bonuses = list(inc.bonuses).map(obj);
    this.ids(bonuses, `${path}.bonuses`, (b, i) => owner('validate.owner.bonus', labelOf(b, 'label', `#${i + 1}`)));
    bonuses.forEach((b, i) => {
      const at = `${path}.bonuses[${i}]`;
      const label = labelOf(b, 'label', `#${i + 1}`);
      const who = owner('validate.owner.bonus', label);
      const metricId = str(b.metricId);
      const metric = metrics.get(metricId);
      if (!metric) this.add('plan.bonus.metric.unknown', 'error', `${at}.metricId`, {bonus: label, metric: metricId || '—'});
      else if (obj(metric.target).kind === 'none' || !isObj(metric.target)) {
        this.add('plan.bonus.metric.noTarget', 'error', `${at}.metricId`, {bonus: label, metric: labelOf(metric)});
      }
      if (!['marginal', 'whole'].includes(str(b.tierMode))) this.add('plan.bonus.tierMode', 'error', `${at}.tierMode`, {bonus: label, value: shown(b.tierMode)});
      const tiers = list(b.tiers).map(obj);
      if (tiers.length === 0) this.add('plan.bonus.tiers.empty', 'error', `${at}.tiers`, {bonus: label});
      let prev: Decimal | null = null;
      tiers.forEach((tier, k) => {
        const from = this.nonNegative(tier.fromAttainment, `${at}.tiers[${k}].fromAttainment`, thing(who, 'validate.part.tierFrom', {n: k + 1}), 'plan.rate.negative');
        this.nonNegative(tier.rate, `${at}.tiers[${k}].rate`, thing(who, 'validate.part.tierRate', {n: k + 1}), 'plan.rate.negative');
        if (from && prev && !from.gt(prev)) {
          this.add('plan.bonus.tiers.order', 'error', `${at}.tiers[${k}].fromAttainment`, {bonus: label, prev: prev.toString(), value: from.toString()});
        }
        if (from) prev = from;
      });
      if (b.cap !== undefined && b.cap !== '') this.nonNegative(b.cap, `${at}.cap`, thing(who, 'validate.part.bonusCap'), 'plan.amount.negative');
      if (b.fixedOnTarget !== undefined && b.fixedOnTarget !== '') {
        this.nonNegative(b.fixedOnTarget, `${at}.fixedOnTarget`, thing(who, 'validate.part.fixedOnTarget'), 'plan.amount.negative');
      }
      this.gate(b.gate, `${at}.gate`, who, grades);
    });

    const team = obj(inc.teamBonus);
    if (team.enabled === true) {
      const at = `${path}.teamBonus`;
      const who = owner('validate.owner.teamBonus');
      const metric = metrics.get(str(team.metricId));
      if (!metric) this.add('plan.teamBonus.metric.unknown', 'error', `${at}.metricId`, {metric: metricName(str(team.metricId))});
      else if (obj(metric.scope).kind === 'team') this.add('plan.teamBonus.metric.team', 'warning', `${at}.metricId`, {metric: labelOf(metric)});
      const levels = list(team.levels);
      if (levels.length === 0) this.add('plan.teamBonus.levels.empty', 'error', `${at}.levels`);
      levels.forEach((level, k) => {
        const what = thing(who, 'validate.part.level', {n: k + 1});
        const d = this.decimal(level, `${at}.levels[${k}]`, what);
        if (d && (d.isNegative() || d.gt(1))) this.add('plan.teamBonus.level.range', 'error', `${at}.levels[${k}]`, {thing: what, value: d.toString()});
      });
      this.gate(team.gate, `${at}.gate`, who, grades);
      this.needs.upline.push(message('validate.reason.teamBonus'));
    }

    const champion = obj(inc.championAward);
    if (champion.enabled === true) {
      const at = `${path}.championAward`;
      const who = owner('validate.owner.champion');
      if (!metrics.has(str(champion.metricId))) this.add('plan.champion.metric.unknown', 'error', `${at}.metricId`, {metric: metricName(str(champion.metricId))});
      this.nonNegative(champion.pool, `${at}.pool`, thing(who, 'validate.part.pool'), 'plan.amount.negative');
      const share = this.decimal(champion.leaderShare, `${at}.leaderShare`, thing(who, 'validate.part.leaderShare'));
      if (share && (share.isNegative() || share.gt(1))) this.add('plan.champion.leaderShare.range', 'error', `${at}.leaderShare`, {value: share.toString()});
      if (!['equal', 'proRata'].includes(str(champion.split))) this.add('plan.champion.split', 'error', `${at}.split`, {value: shown(champion.split)});
      this.needs.team.push(message('validate.reason.champion'));
      this.needs.upline.push(message('validate.reason.champion'));
    }

    const honours = list(inc.honours).map(obj);
    this.ids(honours, `${path}.honours`, (h, i) => owner('validate.owner.honour', labelOf(h, 'title', `#${i + 1}`)));
    honours.forEach((h, i) => {
      const at = `${path}.honours[${i}]`;
      const title = labelOf(h, 'title', `#${i + 1}`);
      if (h.by !== 'totalScore') {
        const metricId = str(obj(h.by).metricId);
        if (!metrics.has(metricId)) this.add('plan.honour.metric.unknown', 'error', `${at}.by`, {honour: title, metric: metricId || '—'});
      }
      if (!['highest', 'lowest'].includes(str(h.direction))) this.add('plan.honour.direction', 'error', `${at}.direction`, {honour: title, value: shown(h.direction)});
      if (!isWhole(h.count, 1)) this.add('plan.honour.count', 'error', `${at}.count`, {honour: title, value: shown(h.count)});
      if (h.minSample !== undefined && !isWhole(h.minSample, 0)) {
        this.add('plan.integer.invalid', 'error', `${at}.minSample`, {
          thing: thing(owner('validate.owner.honour', title), 'validate.part.minSample'),
          min: 0,
          value: shown(h.minSample),
        });
      }
      if (str(h.tier)) this.needs.tier.push(message('validate.reason.honourTier', {honour: title}));
    });
  }

  // --- The mapping ---

  sourceTableId(sourceId: string): string {
    return this.sourceTables.get(sourceId) ?? '';
  }

  mapping(mapping: Obj) {
    const sources = list(mapping.sources).map(obj);
    const people = isObj(mapping.people) ? mapping.people : undefined;
    const peopleTable = obj(people?.table);

    if (!people || !str(peopleTable.id)) this.add('mapping.people.missing', 'error', 'mapping.people');
    else {
      this.useTable(peopleTable, 'mapping.people.table', owner('validate.owner.people'));
      for (const key of PEOPLE_FIELDS) {
        if (people[key] === undefined) continue;
        this.useField({
          path: `mapping.people.${key}`,
          tableId: this.peopleTableId,
          ref: people[key],
          role: PEOPLE_ROLES[key],
          thing: thing(owner('validate.owner.people'), `validate.part.${key}`),
          required: false,
        });
      }
      const missing = (key: string) => !str(obj(people[key]).id);
      if (missing('upline') && this.needs.upline.length > 0) {
        this.add('mapping.people.upline.needed', 'error', 'mapping.people.upline', {reason: this.needs.upline[0]});
      }
      if (missing('tier') && this.needs.tier.length > 0) {
        this.add('mapping.people.tier.needed', 'error', 'mapping.people.tier', {reason: this.needs.tier[0]});
      }
      if (missing('team') && this.needs.team.length > 0) {
        this.add('mapping.people.team.needed', 'error', 'mapping.people.team', {reason: this.needs.team[0]});
      }
      if (missing('performancePayBase') && this.needs.payBase) {
        this.add('mapping.people.payBase.needed', 'error', 'mapping.people.performancePayBase');
      }
    }

    this.ids(sources, 'mapping.sources', (s, i) => owner('validate.owner.source', labelOf(s, 'label', `#${i + 1}`)));
    sources.forEach((s, i) => {
      const at = `mapping.sources[${i}]`;
      const label = labelOf(s, 'label', `#${i + 1}`);
      const who = owner('validate.owner.source', label);
      if (!this.usedSources.has(str(s.id))) {
        this.add('mapping.source.unused', 'warning', at, {source: label});
        return;
      }
      const table = obj(s.table);
      if (!str(table.id)) {
        this.add('mapping.table.missing', 'error', `${at}.table`, {thing: who});
        return;
      }
      if (!this.useTable(table, `${at}.table`, who)) return;
      this.useField({path: `${at}.participant`, tableId: str(table.id), ref: s.participant, role: 'participant', thing: thing(who, 'validate.part.participantLink'), required: true});
      if (s.date !== undefined) {
        this.useField({path: `${at}.date`, tableId: str(table.id), ref: s.date, role: 'date', thing: thing(who, 'validate.part.dateField'), required: true});
      }
    });

    this.checkFieldUses();
    this.results(obj(mapping.results));
  }

  table(id: string): TableSchema | undefined {
    return this.schema ? list(this.schema.tables).map((t) => t as TableSchema).find((t) => isObj(t) && t.id === id) : undefined;
  }

  /** With a schema, whether the table exists (reported with its kept name when not). */
  useTable(table: Obj, path: string, who: Text): boolean {
    if (!this.schema) return true;
    if (this.table(str(table.id))) return true;
    this.add('mapping.table.unknown', 'error', path, {thing: who, name: str(table.name) || str(table.id)}, {tableId: str(table.id)});
    return false;
  }

  /**
   * Field references are collected while the document is read and checked at the end, once the
   * people table and every source's table are known.
   */
  useField(use: FieldUse) {
    this.fieldUses.push(use);
  }

  checkFieldUses() {
    for (const use of this.fieldUses) {
      const ref = obj(use.ref);
      const id = str(ref.id);
      if (!id) {
        if (use.required) this.add('mapping.field.missing', 'error', use.path, {thing: use.thing});
        continue;
      }
      if (!this.schema || !use.tableId) continue;
      const table = this.table(use.tableId);
      // A missing table is reported once, on the table itself.
      if (!table) continue;
      const field = list(table.fields).map((f) => f as FieldSchema).find((f) => isObj(f) && f.id === id);
      const name = str(ref.name) || id;
      const at = {tableId: table.id, fieldId: id};
      if (!field) {
        this.add('mapping.field.unknown', 'error', use.path, {thing: use.thing, name, table: table.name}, at);
        continue;
      }
      if (str(ref.name) && field.name !== ref.name) {
        this.add('mapping.field.renamed', 'warning', use.path, {thing: use.thing, name: str(ref.name), current: field.name}, at);
      }
      this.checkFieldType(use, field, at);
    }
  }

  checkFieldType(use: FieldUse, field: FieldSchema, at: Partial<Issue>) {
    const peopleName = this.table(this.peopleTableId)?.name ?? '';
    const wrongLink = field.type === 'multipleRecordLinks' && field.linkedTableId !== this.peopleTableId;
    if (use.role === 'upline' || use.role === 'participant') {
      const textOk = use.role === 'participant' && fitsRole(field, 'label') && field.type !== 'multipleRecordLinks';
      if (field.type === 'multipleRecordLinks' && wrongLink) {
        this.add('mapping.field.link', 'error', use.path, {thing: use.thing, name: field.name, people: peopleName}, at);
      } else if (field.type !== 'multipleRecordLinks' && !textOk) {
        const expected = message(use.role === 'upline' ? 'validate.role.link' : 'validate.role.participant');
        this.add('mapping.field.type', 'error', use.path, {thing: use.thing, name: field.name, type: field.type, expected}, at);
      }
      return;
    }
    if (!fitsRole(field, use.role)) {
      const expected = message(`validate.role.${use.role as Exclude<FieldRole, 'any'>}`);
      this.add('mapping.field.type', 'error', use.path, {thing: use.thing, name: field.name, type: field.type, expected}, at);
    }
  }

  results(results: Obj) {
    const chosen = RESULT_KEYS.filter((key) => str(obj(results[key]).id));
    if (chosen.length === 0) {
      this.add('mapping.results.none', 'warning', 'mapping.results');
      return;
    }
    const partOf = (key: ResultKey): Text => message(`validate.part.result.${key}`);
    const inputs = new Map<string, Text>();
    for (const use of this.fieldUses) {
      const id = str(obj(use.ref).id);
      if (id && use.tableId === this.peopleTableId && !inputs.has(id)) inputs.set(id, use.thing);
    }
    const firstUse = new Map<string, ResultKey>();
    const peopleTable = this.table(this.peopleTableId);
    for (const key of chosen) {
      const ref = obj(results[key]);
      const id = str(ref.id);
      const name = str(ref.name) || id;
      const path = `mapping.results.${key}`;
      const at = {tableId: this.peopleTableId, fieldId: id};
      const earlier = firstUse.get(id);
      if (earlier) this.add('mapping.result.duplicate', 'error', path, {name, first: partOf(earlier), second: partOf(key)}, at);
      else firstUse.set(id, key);
      const input = inputs.get(id);
      if (input) this.add('mapping.field.inputAndResult', 'error', path, {name, input, result: partOf(key)}, at);

      if (!this.schema || !peopleTable) continue;
      const field = list(peopleTable.fields).map((f) => f as FieldSchema).find((f) => isObj(f) && f.id === id);
      if (!field) {
        this.add('mapping.field.unknown', 'error', path, {thing: partOf(key), name, table: peopleTable.name}, at);
        continue;
      }
      if (field.isComputed) this.add('mapping.result.computed', 'error', path, {thing: partOf(key), name: field.name}, at);
      else if (!fitsResult(field, key)) {
        this.add('mapping.result.type', 'error', path, {thing: partOf(key), name: field.name, type: field.type, expected: message(RESULT_ROLE[key])}, at);
      } else if (key === 'grade' && field.type === 'singleSelect') {
        const missing = [...this.allGrades].filter((g) => !(field.choices ?? []).includes(g));
        if (missing.length > 0) this.add('mapping.result.choices', 'warning', path, {name: field.name, grades: missing.join(', ')}, at);
      }
    }
  }
}

/**
 * Every problem of the plan at once (and, given the base schema, of its mapping). Never throws:
 * anything unreadable becomes an issue.
 */
export function validatePlan(plan: PlanDocument, schema?: BaseSchema): Issue[] {
  const checker = new Checker(isObj(schema) && Array.isArray(schema.tables) ? schema : undefined);
  try {
    checker.run(plan as unknown);
  } catch (error) {
    // A validator bug must not take the settings screen down with it: show it as a problem instead.
    checker.add('plan.internal', 'error', '', {detail: error instanceof Error ? error.message : String(error)});
  }
  return checker.issues;
}

/**
 * The issues at a path or below it, for the control that owns the path.
 *
 * @example issuesAt(issues, 'versions[0].metrics[2]') // issues of the third metric and its parts
 */
export function issuesAt(issues: readonly Issue[], pathPrefix: string, exact = false): Issue[] {
  return issues.filter((issue) => {
    const at = issue.path ?? '';
    if (at === pathPrefix) return true;
    if (exact) return false;
    return at.startsWith(`${pathPrefix}.`) || at.startsWith(`${pathPrefix}[`);
  });
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
