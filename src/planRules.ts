/**
 * The plan rules: what the values of a parsed plan must satisfy on their own, without the base.
 * Decimals and dates that read, weights that sum to 100, grade bands without gap or overlap,
 * rising tiers and bands, ids that exist and are unique, periods covered by a version. Parts the
 * parse found unsound are skipped (their fault is already reported).
 */
import Decimal from 'decimal.js';
import {parseDecimalText} from './decimalText';
import type {Issue, IssueSeverity} from './results';
import type {Gate, Metric, PlanDocument, PlanVersion, Text} from './plan';
import {IssueList, owner, shown, thing, type Params, type ValidationCode} from './planMessages';
import {nameOf, type PlanReading} from './planParse';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The bound of a plan decimal: at most 12 digits before the point and 6 after. Such a decimal has
 * at most 18 significant digits, so the product of two of them (a target times an attainment
 * threshold, a pool times a leader share) has at most 36, and the product of one with an amount
 * of up to 22 significant digits at most 40: inside the 40 significant digits the engine's
 * decimals are exact to (src/engine/money.ts).
 */
export const PLAN_DECIMAL_BOUND = {integerDigits: 12, decimalPlaces: 6} as const;


/**
 * Whether a plain decimal text stays within PLAN_DECIMAL_BOUND.
 *
 * @example withinBound('999999999999.999999') // true
 * @example withinBound('1000000000000') // false
 */
export function withinBound(text: string): boolean {
  const [whole, fraction = ''] = text.trim().replace(/^[+-]/, '').split('.');
  return whole.replace(/^0+/, '').length <= PLAN_DECIMAL_BOUND.integerDigits && fraction.replace(/0+$/, '').length <= PLAN_DECIMAL_BOUND.decimalPlaces;
}

export function isIsoDate(value: unknown): value is string {
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

type NonNegativeCode = 'plan.weight.negative' | 'plan.rate.negative' | 'plan.amount.negative' | 'plan.target.negative' | 'plan.coefficient.negative' | 'plan.score.negative';

class Rules extends IssueList {
  constructor(private readonly sound: (path: string) => boolean) {
    super();
  }

  /** A decimal at `path`; reports it and returns null when it does not parse or exceeds the bound. */
  decimal(value: unknown, path: string, what: Text): Decimal | null {
    const d = parseDecimalText(value);
    if (d === null) {
      this.add('plan.decimal.invalid', 'error', path, {thing: what, value: shown(value)});
      return null;
    }
    if (!withinBound(value as string)) {
      this.add('plan.decimal.range', 'error', path, {thing: what, value: shown(value), digits: PLAN_DECIMAL_BOUND.integerDigits, places: PLAN_DECIMAL_BOUND.decimalPlaces});
      return null;
    }
    return d;
  }

  /** A decimal that must not be negative; `code` says which kind of number it is. */
  nonNegative(value: unknown, path: string, what: Text, code: NonNegativeCode): Decimal | null {
    const d = this.decimal(value, path, what);
    if (d && d.isNegative()) this.add(code, 'error', path, {thing: what, value: d.toString()});
    return d;
  }

  /** Ids must be non-empty and unique within their list. */
  ids(items: readonly {id: string}[], path: string, ownerOf: (i: number) => Text, sound: (i: number) => boolean = () => true) {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (!sound(i)) return;
      const id = item.id;
      const who = ownerOf(i);
      if (!id) this.add('plan.id.empty', 'error', `${path}[${i}].id`, {thing: thing(who, 'validate.part.id')});
      else if (seen.has(id)) this.add('plan.id.duplicate', 'error', `${path}[${i}].id`, {id, thing: who});
      seen.add(id);
    });
  }

  run(plan: PlanDocument) {
    if (typeof plan !== 'object' || plan === null || Array.isArray(plan)) return;
    const versions = this.sound('versions') ? plan.versions : [];
    const mappingSound = this.sound('mapping');
    const sourceIds = new Set(mappingSound ? plan.mapping.sources.filter((_, i) => this.sound(`mapping.sources[${i}]`)).map((s) => s.id).filter(Boolean) : []);
    versions.forEach((v, i) => {
      if (this.sound(`versions[${i}]`)) this.version(v, i, mappingSound ? sourceIds : null);
    });
    if (this.sound('versions')) this.versionRanges(versions);
    if (this.sound('periods')) this.periods(plan.periods, versions);
    if (this.sound('currency') && !plan.currency.code.trim()) this.add('plan.currency.code', 'warning', 'currency.code');
    if (this.sound('promotion') && Array.isArray(plan.promotion)) this.promotion(plan, versions);
    if (mappingSound) {
      this.ids(plan.mapping.sources, 'mapping.sources', (i) => owner('validate.owner.source', nameOf(plan.mapping.sources[i], 'label', `#${i + 1}`)), (i) => this.sound(`mapping.sources[${i}]`));
    }
  }

  // --- Versions, periods ---

  versionRanges(versions: readonly PlanVersion[]) {
    if (versions.length === 0) this.add('plan.versions.none', 'error', 'versions');
    const sound = (i: number) => this.sound(`versions[${i}]`);
    const nameAt = (i: number) => versions[i].label || versions[i].id || `#${i + 1}`;
    this.ids(versions, 'versions', (i) => owner('validate.owner.version', nameAt(i)), sound);
    const ranges: {from: string; to: string; name: string}[] = [];
    versions.forEach((v, i) => {
      if (!sound(i)) return;
      const name = nameAt(i);
      const who = owner('validate.owner.version', name);
      if (!isIsoDate(v.effectiveFrom)) {
        this.add('plan.date.invalid', 'error', `versions[${i}].effectiveFrom`, {thing: who, value: shown(v.effectiveFrom)});
        return;
      }
      if (v.effectiveTo !== undefined && !isIsoDate(v.effectiveTo)) {
        this.add('plan.date.invalid', 'error', `versions[${i}].effectiveTo`, {thing: who, value: shown(v.effectiveTo)});
        return;
      }
      const to = v.effectiveTo ?? '9999-12-31';
      if (to < v.effectiveFrom) {
        this.add('plan.version.range', 'error', `versions[${i}].effectiveTo`, {version: name, from: v.effectiveFrom, to});
        return;
      }
      for (const other of ranges) {
        if (v.effectiveFrom <= other.to && other.from <= to) {
          this.add('plan.versions.overlap', 'error', `versions[${i}].effectiveFrom`, {version: name, other: other.name});
        }
      }
      ranges.push({from: v.effectiveFrom, to, name});
    });
  }

  periods(periods: PlanDocument['periods'], versions: readonly PlanVersion[]) {
    if (periods.length === 0) this.add('plan.periods.none', 'error', 'periods');
    const sound = (i: number) => this.sound(`periods[${i}]`);
    const nameAt = (i: number) => periods[i].label || periods[i].id || `#${i + 1}`;
    this.ids(periods, 'periods', (i) => owner('validate.owner.period', nameAt(i)), sound);
    periods.forEach((p, i) => {
      if (!sound(i)) return;
      const name = nameAt(i);
      const who = owner('validate.owner.period', name);
      const badStart = !isIsoDate(p.start);
      const badEnd = !isIsoDate(p.end);
      if (badStart) this.add('plan.date.invalid', 'error', `periods[${i}].start`, {thing: who, value: shown(p.start)});
      if (badEnd) this.add('plan.date.invalid', 'error', `periods[${i}].end`, {thing: who, value: shown(p.end)});
      if (badStart || badEnd) return;
      if (p.end < p.start) this.add('plan.period.range', 'error', `periods[${i}].end`, {period: name, start: p.start, end: shown(p.end)});
      // The same rule as versionForPeriod: the version in force at the period's start.
      const covered = versions.some((v, k) => this.sound(`versions[${k}]`) && isIsoDate(v.effectiveFrom) && v.effectiveFrom <= p.start && (v.effectiveTo === undefined || p.start <= v.effectiveTo));
      if (!covered) this.add('plan.period.noVersion', 'error', `periods[${i}]`, {period: name, start: p.start});
    });
  }

  // --- Promotion rules (docs/plan.md §14) ---

  promotion(plan: PlanDocument, versions: readonly PlanVersion[]) {
    const rules = plan.promotion ?? [];
    const soundIndexes = versions.flatMap((_, i) => (this.sound(`versions[${i}]`) ? [i] : []));
    const soundVersions = soundIndexes.map((i) => versions[i]);
    // A grade is known when any version grades with it: versions may name their grades differently.
    const grades = new Set(soundIndexes.flatMap((vi) => versions[vi].grades.filter((_, gi) => this.sound(`versions[${vi}].grades[${gi}]`)).map((g) => g.grade.trim())));
    // Tiers are the base's words; the plan knows those its targets and honours name.
    const tiers = new Set<string>();
    for (const v of soundVersions) {
      for (const m of v.metrics) if (m?.target?.kind === 'perTier' && m.target.values && typeof m.target.values === 'object') Object.keys(m.target.values).forEach((tier) => tiers.add(tier));
      if (Array.isArray(v.incentives?.honours)) for (const h of v.incentives.honours) if (typeof h?.tier === 'string' && h.tier) tiers.add(h.tier);
    }
    const periodCount = this.sound('periods') ? plan.periods.length : null;
    rules.forEach((rule, i) => {
      const at = `promotion[${i}]`;
      if (!this.sound(at)) return;
      const who = owner('validate.owner.promotion', i + 1);
      if (this.sound('versions') && !grades.has(rule.minGrade.trim())) this.add('plan.promotion.grade.unknown', 'error', `${at}.minGrade`, {thing: who, grade: rule.minGrade || '—'});
      const toTier = rule.toTier.trim();
      if (!toTier) this.add('plan.promotion.tier.empty', 'error', `${at}.toTier`, {thing: who});
      else if (rule.fromTier !== undefined && rule.fromTier.trim() === toTier) this.add('plan.promotion.tier.same', 'error', `${at}.toTier`, {thing: who, tier: toTier});
      // Only a plan that names tiers elsewhere can tell a misspelt one.
      if (tiers.size > 0) {
        for (const key of ['fromTier', 'toTier'] as const) {
          const tier = rule[key]?.trim();
          if (tier && !tiers.has(tier)) this.add('plan.promotion.tier.unknown', 'warning', `${at}.${key}`, {thing: who, tier});
        }
      }
      if (periodCount !== null && periodCount > 0 && rule.periods > periodCount) {
        this.add('plan.promotion.periods.tooMany', 'warning', `${at}.periods`, {thing: who, n: rule.periods, count: periodCount});
      }
    });
  }

  // --- One plan version ---

  version(v: PlanVersion, vi: number, sourceIds: Set<string> | null) {
    const path = `versions[${vi}]`;
    const versionName = v.label || v.id || `#${vi + 1}`;
    const metrics = v.metrics;
    const metricSound = (i: number) => this.sound(`${path}.metrics[${i}]`);
    if (metrics.length === 0) this.add('plan.metrics.none', 'error', `${path}.metrics`, {version: versionName});
    this.ids(metrics, `${path}.metrics`, (i) => owner('validate.owner.metric', nameOf(metrics[i], 'label', `#${i + 1}`)), metricSound);

    const metricsById = new Map<string, Metric>();
    metrics.forEach((m, i) => {
      if (metricSound(i) && m.id && !metricsById.has(m.id)) metricsById.set(m.id, m);
    });

    let sum = new Decimal(0);
    let allWeights = true;
    metrics.forEach((m, i) => {
      const w = metricSound(i) ? this.metric(m, `${path}.metrics[${i}]`, sourceIds) : null;
      if (w) sum = sum.plus(w);
      else allWeights = false;
    });
    // With a weight that does not parse, its own message says so; a sum would only mislead.
    if (allWeights && metrics.length > 0 && !sum.eq(100)) {
      this.add('plan.weights.sum', 'error', `${path}.metrics`, {version: versionName, sum: sum.toString()});
    }

    const gradeNames = this.grades(v, `${path}.grades`, versionName);
    // A metric that did not parse may still be named by a bonus: not "unknown", just unchecked.
    const unsoundIds = new Set(metrics.filter((_, i) => !metricSound(i)).map((m) => (typeof m === 'object' && m !== null && typeof m.id === 'string' ? m.id : '')));
    this.incentives(v, `${path}.incentives`, metricsById, unsoundIds, gradeNames);
  }

  /** Checks one metric and returns its weight (null when it does not parse). */
  metric(m: Metric, path: string, sourceIds: Set<string> | null): Decimal | null {
    const label = nameOf(m);
    const who = owner('validate.owner.metric', label);
    if (!m.label.zh.trim() || !m.label.en.trim()) this.add('plan.label.missing', 'warning', `${path}.label`, {thing: who});

    const weight = this.nonNegative(m.weight, `${path}.weight`, thing(who, 'validate.part.weight'), 'plan.weight.negative');
    const source = m.source;
    if (source.kind === 'source') {
      if (sourceIds && !sourceIds.has(source.sourceId)) this.add('plan.metric.source.unknown', 'error', `${path}.source.sourceId`, {metric: label, source: source.sourceId || '—'});
      for (const key of ['filter', 'rateFilter'] as const) {
        const filter = source[key];
        if (!filter) continue;
        const what = thing(who, key === 'filter' ? 'validate.part.filterField' : 'validate.part.rateFilterField');
        const at = `${path}.source.${key}`;
        if (['eq', 'neq', 'gt', 'gte', 'lt', 'lte'].includes(filter.op) && !filter.value) this.add('plan.filter.value.missing', 'error', `${at}.value`, {thing: what});
        else if (['gt', 'gte', 'lt', 'lte'].includes(filter.op)) this.decimal(filter.value, `${at}.value`, what);
      }
      if (source.aggregation === 'rate' && source.rateFilter === undefined) this.add('plan.metric.rateFilter.missing', 'error', `${path}.source.rateFilter`, {metric: label});
    }
    const hasTarget = this.target(m, `${path}.target`, label, who);
    this.scoring(m, `${path}.scoring`, label, who, hasTarget);
    return weight;
  }

  /** Checks a target; returns whether the metric has one (attainment needs it). */
  target(m: Metric, path: string, label: Text, who: Text): boolean {
    const positive = (value: unknown, at: string, what: Text) => {
      const d = this.nonNegative(value, at, what, 'plan.target.negative');
      if (d && d.isZero()) this.add('plan.target.zero', 'error', at, {thing: what});
    };
    const target = m.target;
    switch (target.kind) {
      case 'none':
        return false;
      case 'fixed':
        positive(target.value, `${path}.value`, thing(who, 'validate.part.target'));
        return true;
      case 'perTier': {
        const tiers = Object.keys(target.values);
        if (tiers.length === 0) this.add('plan.target.perTier.empty', 'error', `${path}.values`, {metric: label});
        for (const tier of tiers) positive(target.values[tier], `${path}.values.${tier}`, thing(who, 'validate.part.tierTarget', {tier}));
        if (target.fallback !== undefined) positive(target.fallback, `${path}.fallback`, thing(who, 'validate.part.fallbackTarget'));
        return true;
      }
      case 'participantField':
        return true;
    }
  }

  scoring(m: Metric, path: string, label: Text, who: Text, hasTarget: boolean) {
    const scoring = m.scoring;
    const targetPath = path.replace(/scoring$/, 'target');
    switch (scoring.kind) {
      case 'attainment':
      case 'lowerIsBetter': {
        const what = thing(who, 'validate.part.cap');
        const cap = this.decimal(scoring.cap, `${path}.cap`, what);
        if (cap && cap.lt(100)) this.add('plan.scoring.cap', 'error', `${path}.cap`, {thing: what, value: cap.toString()});
        if (!hasTarget) this.add('plan.target.missing', 'error', targetPath, {metric: label});
        return;
      }
      case 'scale': {
        const min = this.decimal(scoring.min, `${path}.min`, thing(who, 'validate.part.scaleMin'));
        const max = this.decimal(scoring.max, `${path}.max`, thing(who, 'validate.part.scaleMax'));
        if (min && max && !min.lt(max)) this.add('plan.scoring.scale', 'error', `${path}.max`, {metric: label, min: min.toString(), max: max.toString()});
        return;
      }
      case 'bands': {
        if (scoring.bands.length === 0) this.add('plan.scoring.bands.empty', 'error', `${path}.bands`, {metric: label});
        let prev: Decimal | null = null;
        scoring.bands.forEach((band, i) => {
          const from = this.decimal(band.from, `${path}.bands[${i}].from`, thing(who, 'validate.part.bandFrom', {n: i + 1}));
          this.nonNegative(band.score, `${path}.bands[${i}].score`, thing(who, 'validate.part.bandScore', {n: i + 1}), 'plan.score.negative');
          if (from && prev && !from.gt(prev)) {
            this.add('plan.scoring.bands.order', 'error', `${path}.bands[${i}].from`, {metric: label, prev: prev.toString(), value: from.toString()});
          }
          if (from) prev = from;
        });
        if (scoring.on === 'attainment' && !hasTarget) this.add('plan.target.missing', 'error', targetPath, {metric: label});
        return;
      }
    }
  }

  /** Checks the grade bands; returns the grade names (for gates). */
  grades(v: PlanVersion, path: string, versionName: string): Set<string> {
    const names = new Set<string>();
    if (v.grades.length === 0) {
      this.add('plan.grades.none', 'error', path, {version: versionName});
      return names;
    }
    const bands: {i: number; grade: string; min: Decimal; max: Decimal | null}[] = [];
    v.grades.forEach((g, i) => {
      const at = `${path}[${i}]`;
      if (!this.sound(at)) return;
      const grade = g.grade.trim();
      if (!grade) this.add('plan.grades.name.empty', 'error', `${at}.grade`, {n: i + 1});
      else if (names.has(grade)) this.add('plan.grades.duplicate', 'error', `${at}.grade`, {grade});
      names.add(grade);
      const who = owner('validate.owner.grade', grade || `#${i + 1}`);
      const min = this.decimal(g.min, `${at}.min`, thing(who, 'validate.part.min'));
      const noMax = g.max === undefined || g.max === '';
      const max = noMax ? null : this.decimal(g.max, `${at}.max`, thing(who, 'validate.part.max'));
      this.nonNegative(g.coefficient, `${at}.coefficient`, thing(who, 'validate.part.coefficient'), 'plan.coefficient.negative');
      if (min && max && !min.lt(max)) {
        this.add('plan.grades.range', 'error', `${at}.max`, {grade: grade || `#${i + 1}`, min: min.toString(), max: max.toString()});
        return;
      }
      if (min && (noMax || max !== null)) bands.push({i, grade: grade || `#${i + 1}`, min, max});
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

  gate(gate: Gate | undefined, path: string, who: Text, grades: Set<string>) {
    if (gate === undefined) return;
    if (gate.minScore !== undefined && gate.minScore !== '') {
      this.nonNegative(gate.minScore, `${path}.minScore`, thing(who, 'validate.part.minScore'), 'plan.score.negative');
    }
    if (gate.minGrade && !grades.has(gate.minGrade)) this.add('plan.gate.grade.unknown', 'error', `${path}.minGrade`, {thing: who, grade: gate.minGrade});
  }

  incentives(v: PlanVersion, path: string, metrics: Map<string, Metric>, unsoundIds: Set<string>, grades: Set<string>) {
    const inc = v.incentives;
    const metricName = (id: string): Text => (metrics.has(id) ? nameOf(metrics.get(id)) : {zh: id || '—', en: id || '—'});
    const unknown = (id: string) => !metrics.has(id) && !unsoundIds.has(id);

    if (this.sound(`${path}.bonuses`)) {
      const sound = (i: number) => this.sound(`${path}.bonuses[${i}]`);
      this.ids(inc.bonuses, `${path}.bonuses`, (i) => owner('validate.owner.bonus', nameOf(inc.bonuses[i], 'label', `#${i + 1}`)), sound);
      inc.bonuses.forEach((b, i) => {
        if (!sound(i)) return;
        const at = `${path}.bonuses[${i}]`;
        const label = nameOf(b, 'label', `#${i + 1}`);
        const who = owner('validate.owner.bonus', label);
        const metric = metrics.get(b.metricId);
        if (unknown(b.metricId)) this.add('plan.bonus.metric.unknown', 'error', `${at}.metricId`, {bonus: label, metric: b.metricId || '—'});
        else if (metric && metric.target.kind === 'none') this.add('plan.bonus.metric.noTarget', 'error', `${at}.metricId`, {bonus: label, metric: nameOf(metric)});
        if (b.tiers.length === 0) this.add('plan.bonus.tiers.empty', 'error', `${at}.tiers`, {bonus: label});
        let prev: Decimal | null = null;
        b.tiers.forEach((tier, k) => {
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
    }

    const team = inc.teamBonus;
    if (this.sound(`${path}.teamBonus`) && team.enabled) {
      const at = `${path}.teamBonus`;
      const who = owner('validate.owner.teamBonus');
      const metric = metrics.get(team.metricId);
      if (unknown(team.metricId)) this.add('plan.teamBonus.metric.unknown', 'error', `${at}.metricId`, {metric: metricName(team.metricId)});
      else if (metric?.scope.kind === 'team') this.add('plan.teamBonus.metric.team', 'warning', `${at}.metricId`, {metric: nameOf(metric)});
      if (team.levels.length === 0) this.add('plan.teamBonus.levels.empty', 'error', `${at}.levels`);
      team.levels.forEach((level, k) => {
        const what = thing(who, 'validate.part.level', {n: k + 1});
        const d = this.decimal(level, `${at}.levels[${k}]`, what);
        if (d && (d.isNegative() || d.gt(1))) this.add('plan.teamBonus.level.range', 'error', `${at}.levels[${k}]`, {thing: what, value: d.toString()});
      });
      this.gate(team.gate, `${at}.gate`, who, grades);
    }

    const champion = inc.championAward;
    if (this.sound(`${path}.championAward`) && champion.enabled) {
      const at = `${path}.championAward`;
      const who = owner('validate.owner.champion');
      if (unknown(champion.metricId)) this.add('plan.champion.metric.unknown', 'error', `${at}.metricId`, {metric: metricName(champion.metricId)});
      this.nonNegative(champion.pool, `${at}.pool`, thing(who, 'validate.part.pool'), 'plan.amount.negative');
      const share = this.decimal(champion.leaderShare, `${at}.leaderShare`, thing(who, 'validate.part.leaderShare'));
      if (share && (share.isNegative() || share.gt(1))) this.add('plan.champion.leaderShare.range', 'error', `${at}.leaderShare`, {value: share.toString()});
    }

    if (this.sound(`${path}.honours`)) {
      const sound = (i: number) => this.sound(`${path}.honours[${i}]`);
      this.ids(inc.honours, `${path}.honours`, (i) => owner('validate.owner.honour', nameOf(inc.honours[i], 'title', `#${i + 1}`)), sound);
      inc.honours.forEach((h, i) => {
        if (!sound(i) || h.by === 'totalScore') return;
        if (unknown(h.by.metricId)) {
          this.add('plan.honour.metric.unknown', 'error', `${path}.honours[${i}].by`, {honour: nameOf(h, 'title', `#${i + 1}`), metric: h.by.metricId || '—'});
        }
      });
    }
  }
}

/** Every plan rule a parsed document breaks (parts the parse found unsound are skipped). */
export function planRules(reading: Pick<PlanReading, 'plan' | 'sound'>): Issue[] {
  const rules = new Rules(reading.sound);
  rules.run(reading.plan);
  return rules.issues;
}

export type {IssueSeverity, Params, ValidationCode};
