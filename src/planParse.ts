/**
 * The parse of a plan document: unknown in, a typed PlanDocument out, or the reasons it is not
 * one. It demands every part the engine and the settings screen read, with its JavaScript type:
 * objects and lists where they belong, `{zh, en}` texts for labels and titles, real booleans for
 * `enabled`, one of the listed words for every kind, whole numbers for counts. It does not judge
 * values: whether a decimal or a date reads, weights sum to 100, grades leave no gap, a metric id
 * exists, a field is chosen... are the plan rules (src/planRules.ts) and mapping rules
 * (src/mappingRules.ts). The settings screen only ever produces such values, never a shape
 * fault; shape faults come from hand-edited or foreign files.
 *
 * Nothing is normalised: a plain string where a `{zh, en}` label is expected, `enabled: 1`, a
 * missing `bonuses` list are refused with a coded message (the engine runs on the stored
 * document itself, so a repaired copy here would not help it). Migration (src/migrate.ts) is
 * where older formats are reshaped.
 *
 * Every fault is reported at once. A part with a fault is "unsound": the rules skip it (they
 * would only repeat or guess), and check everything else.
 */
import {PLAN_SCHEMA_VERSION, type PlanDocument, type Text} from './plan';
import type {Issue} from './results';
import {IssueList, owner, shown, thing, type ValidationCode} from './planMessages';
import {parseAdjustmentPolicy} from './ledger/clawback';

type Obj = Record<string, unknown>;
export const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string => (typeof x === 'string' ? x : '');
const isWhole = (x: unknown, min: number): x is number => typeof x === 'number' && Number.isInteger(x) && x >= min;

/** A label for messages: the user's `{zh, en}` when there is one, else the id (or `#n`). */
export function nameOf(x: unknown, key: 'label' | 'title' = 'label', fallback = '?'): Text {
  const o = isObj(x) ? x : {};
  const label = isObj(o[key]) ? (o[key] as Obj) : {};
  const id = str(o.id) || fallback;
  return {zh: str(label.zh) || str(label.en) || id, en: str(label.en) || str(label.zh) || id};
}

/** Up to 60 characters of what was found, for a message. */
const found = (x: unknown): string => {
  const text = shown(x);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

export const AGGREGATIONS = ['sum', 'count', 'distinctCount', 'average', 'rate'] as const;
export const FILTER_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'isEmpty', 'notEmpty', 'isTrue'] as const;
const FAMILIES = ['sales', 'customerDevelopment', 'customerQuality', 'network', 'teamwork', 'qualitative'];
const UNITS = ['money', 'count', 'percent', 'rating', 'number'];
const PERIOD_KINDS = ['month', 'quarter', 'custom'];

/** What the parse found: the document typed (when `sound('')`), issues, and which parts are unsound. */
export interface PlanReading {
  /** The input, typed. Trust a part only where `sound(path)` holds. */
  plan: PlanDocument;
  issues: Issue[];
  /**
   * Whether the part at `path` parsed: a part is one of '', 'mapping', 'mapping.people',
   * 'mapping.sources[i]', 'mapping.results', 'mapping.resultsTable', 'periods', 'periods[i]', 'versions', 'versions[i]',
   * 'versions[i].metrics[j]', 'versions[i].grades[j]', 'versions[i].feedback',
   * 'versions[i].incentives.{performancePay|teamBonus|championAward}',
   * 'versions[i].incentives.{bonuses|honours}[k]', 'currency', 'scoreRounding', 'proration', 'promotion',
   * 'promotion[i]'. A list's own fault ('versions'
   * not a list) makes the list unsound, not its parent.
   */
  sound: (path: string) => boolean;
}

class Parser extends IssueList {
  readonly unsound = new Set<string>();

  /** A fault in part `part`, reported at `path`. */
  fault(part: string, code: ValidationCode, path: string, params: Record<string, string | number | Text> = {}) {
    this.unsound.add(part);
    this.add(code, 'error', path, params);
  }

  /** A required object at `path`; a fault of `part` when it is not one. */
  object(x: unknown, part: string, path: string, who: Text, key: string): Obj | null {
    if (isObj(x)) return x;
    this.fault(part, 'plan.part.invalid', path, {thing: who, part: key, value: found(x)});
    return null;
  }

  list(x: unknown, part: string, path: string, who: Text, key: string): unknown[] | null {
    if (Array.isArray(x)) return x;
    this.fault(part, 'plan.part.invalid', path, {thing: who, part: key, value: found(x)});
    return null;
  }

  string(o: Obj, key: string, part: string, path: string, who: Text, optional = false) {
    const x = o[key];
    if (typeof x === 'string' || (optional && x === undefined)) return;
    this.fault(part, 'plan.part.invalid', `${path}.${key}`, {thing: who, part: key, value: found(x)});
  }

  /** A user-visible text in both languages: `{zh: string, en: string}`. */
  text(o: Obj, key: string, part: string, path: string, who: Text, optional = false) {
    const x = o[key];
    if (optional && x === undefined) return;
    if (isObj(x) && typeof x.zh === 'string' && typeof x.en === 'string') return;
    this.fault(part, 'plan.text.invalid', `${path}.${key}`, {thing: who, part: key, value: found(x)});
  }

  boolean(o: Obj, key: string, part: string, path: string, who: Text) {
    if (typeof o[key] === 'boolean') return;
    this.fault(part, 'plan.boolean.invalid', `${path}.${key}`, {thing: who, part: key, value: found(o[key])});
  }

  /** One of `words`; `code` is the kind's own message when it has one. */
  oneOf(o: Obj, key: string, words: readonly string[], part: string, path: string, who: Text, code?: {code: ValidationCode; params: Record<string, string | number | Text>}) {
    const x = o[key];
    if (typeof x === 'string' && words.includes(x)) return;
    if (code) this.fault(part, code.code, `${path}.${key}`, {...code.params, value: found(x)});
    else this.fault(part, 'plan.part.invalid', `${path}.${key}`, {thing: who, part: key, value: found(x)});
  }

  /** A whole number of at least `min`, reported as plan.integer.invalid. */
  whole(o: Obj, key: string, min: number, part: string, path: string, what: Text, optional = false) {
    const x = o[key];
    if (isWhole(x, min) || (optional && x === undefined)) return;
    this.fault(part, 'plan.integer.invalid', `${path}.${key}`, {thing: what, min, value: found(x)});
  }

  run(doc: unknown) {
    if (!isObj(doc)) {
      this.fault('', 'plan.document.invalid', '');
      return;
    }
    if (doc.schemaVersion !== PLAN_SCHEMA_VERSION) {
      this.fault('', 'plan.schemaVersion', 'schemaVersion', {version: shown(doc.schemaVersion), current: PLAN_SCHEMA_VERSION});
    }
    const plan = owner('validate.owner.plan');
    this.string(doc, 'name', '', '', plan);
    if (doc.resultLanguage !== undefined) this.oneOf(doc, 'resultLanguage', ['zh', 'en'], '', '', plan);
    for (const part of ['mapping', 'periods', 'versions', 'currency'] as const) {
      const ok = part === 'periods' || part === 'versions' ? Array.isArray(doc[part]) : isObj(doc[part]);
      if (!ok) this.fault(part, 'plan.structure', part, {part});
    }
    if (isObj(doc.mapping)) this.mapping(doc.mapping);
    if (Array.isArray(doc.periods)) doc.periods.forEach((p, i) => this.period(p, i));
    if (Array.isArray(doc.versions)) doc.versions.forEach((v, i) => this.version(v, i));
    if (isObj(doc.currency)) this.currency(doc.currency);
    parseAdjustmentPolicy(doc.adjustments).issues.forEach((issue) => (this.unsound.add('adjustments'), this.issues.push(issue)));
    if (doc.scoreRounding !== undefined) this.scoreRounding(doc.scoreRounding);
    if (doc.proration !== undefined) {
      const proration = this.object(doc.proration, 'proration', 'proration', plan, 'proration');
      if (proration) this.boolean(proration, 'enabled', 'proration', 'proration', owner('validate.owner.proration'));
    }
    if (doc.promotion !== undefined) this.promotion(doc.promotion);
  }

  /** `[{fromTier?, minGrade, periods, toTier}]` (docs/plan.md §14); whether the grade and tiers exist is a plan rule. */
  promotion(x: unknown) {
    const rules = this.list(x, 'promotion', 'promotion', owner('validate.owner.plan'), 'promotion');
    rules?.forEach((raw, i) => {
      const part = `promotion[${i}]`;
      const who = owner('validate.owner.promotion', i + 1);
      const rule = this.object(raw, part, part, who, part);
      if (!rule) return;
      this.string(rule, 'fromTier', part, part, who, true);
      this.string(rule, 'minGrade', part, part, who);
      this.string(rule, 'toTier', part, part, who);
      this.whole(rule, 'periods', 1, part, part, thing(who, 'validate.part.promotionPeriods'));
    });
  }

  /** `{mode: 'total' | 'eachWeighted', places: 0..4}` (docs/plan.md §7). */
  scoreRounding(x: unknown) {
    const r = isObj(x) ? x : null;
    const modeOk = r !== null && (r.mode === 'total' || r.mode === 'eachWeighted');
    const placesOk = r !== null && isWhole(r.places, 0) && (r.places as number) <= 4;
    if (!modeOk || !placesOk) this.fault('scoreRounding', 'plan.scoreRounding.invalid', 'scoreRounding', {value: found(x)});
  }

  mapping(mapping: Obj) {
    if (mapping.people !== undefined) {
      // The people table and its fields are references: whether they are complete is a mapping rule.
      this.object(mapping.people, 'mapping.people', 'mapping.people', owner('validate.owner.people'), 'people');
    }
    const sources = this.list(mapping.sources, 'mapping', 'mapping.sources', owner('validate.owner.plan'), 'mapping.sources');
    sources?.forEach((raw, i) => {
      const part = `mapping.sources[${i}]`;
      const who = owner('validate.owner.source', nameOf(raw, 'label', `#${i + 1}`));
      const s = this.object(raw, part, part, who, `sources[${i}]`);
      if (!s) return;
      this.string(s, 'id', part, part, who);
      this.text(s, 'label', part, part, who);
      if (s.credit !== undefined) {
        const credit = isObj(s.credit) ? s.credit : null;
        if (!credit || !['first', 'equal', 'splitField'].includes(str(credit.kind))) {
          this.fault(part, 'plan.credit.kind', `${part}.credit`, {source: nameOf(raw, 'label', `#${i + 1}`), value: found(credit ? credit.kind : s.credit)});
        }
      }
    });
    this.object(mapping.results, 'mapping.results', 'mapping.results', owner('validate.owner.results'), 'results');
    if (mapping.resultsTable !== undefined) {
      // The table and its fields are references, checked by the mapping rules; the shape is checked here.
      const who = owner('validate.owner.resultsTable');
      const resultsTable = this.object(mapping.resultsTable, 'mapping.resultsTable', 'mapping.resultsTable', who, 'resultsTable');
      if (resultsTable) this.object(resultsTable.fields, 'mapping.resultsTable', 'mapping.resultsTable.fields', who, 'fields');
    }
  }

  period(raw: unknown, i: number) {
    const part = `periods[${i}]`;
    const o = isObj(raw) ? raw : {};
    const who = owner('validate.owner.period', str(o.label) || str(o.id) || `#${i + 1}`);
    const p = this.object(raw, part, part, who, part);
    if (!p) return;
    this.string(p, 'id', part, part, who);
    this.string(p, 'label', part, part, who);
    this.oneOf(p, 'kind', PERIOD_KINDS, part, part, who);
    // start and end: strings or not, whether they are dates is a plan rule.
  }

  currency(c: Obj) {
    const who = owner('validate.owner.currency');
    this.string(c, 'code', 'currency', 'currency', who);
    if (!isWhole(c.precision, 0) || c.precision > 4) this.fault('currency', 'plan.currency.precision', 'currency.precision', {value: shown(c.precision)});
    if (!['halfUp', 'halfEven', 'down'].includes(str(c.rounding))) this.fault('currency', 'plan.currency.rounding', 'currency.rounding', {value: shown(c.rounding)});
  }

  version(raw: unknown, vi: number) {
    const path = `versions[${vi}]`;
    const o = isObj(raw) ? raw : {};
    const versionName = str(o.label) || str(o.id) || `#${vi + 1}`;
    const who = owner('validate.owner.version', versionName);
    const v = this.object(raw, path, path, who, path);
    if (!v) return;
    this.string(v, 'id', path, path, who);
    this.string(v, 'label', path, path, who);
    if (!Array.isArray(v.metrics)) this.fault(path, 'plan.structure', `${path}.metrics`, {part: `${path}.metrics`});
    else v.metrics.forEach((m, i) => this.metric(m, `${path}.metrics[${i}]`, i));
    const grades = this.list(v.grades, path, `${path}.grades`, who, 'grades');
    grades?.forEach((g, i) => {
      const part = `${path}.grades[${i}]`;
      const gradeWho = owner('validate.owner.grade', str(isObj(g) ? g.grade : '') || `#${i + 1}`);
      const grade = this.object(g, part, part, gradeWho, `grades[${i}]`);
      if (grade) this.string(grade, 'grade', part, part, gradeWho);
    });
    const incentives = this.object(v.incentives, path, `${path}.incentives`, who, 'incentives');
    if (incentives) this.incentives(incentives, `${path}.incentives`);
    const feedbackWho = owner('validate.owner.feedback');
    const feedback = this.object(v.feedback, `${path}.feedback`, `${path}.feedback`, who, 'feedback');
    if (feedback) {
      for (const key of ['strengths', 'weakest'] as const) {
        this.whole(feedback, key, 0, `${path}.feedback`, `${path}.feedback`, thing(feedbackWho, `validate.part.${key}`));
      }
    }
  }

  metric(raw: unknown, path: string, i: number) {
    const label = nameOf(raw, 'label', `#${i + 1}`);
    const who = owner('validate.owner.metric', label);
    const m = this.object(raw, path, path, who, path.slice(path.lastIndexOf('.') + 1));
    if (!m) return;
    this.string(m, 'id', path, path, who);
    this.text(m, 'label', path, path, who);
    this.text(m, 'improvement', path, path, who, true);
    this.oneOf(m, 'family', FAMILIES, path, path, who);
    this.oneOf(m, 'unit', UNITS, path, path, who);

    const source = isObj(m.source) ? m.source : null;
    if (!source || (source.kind !== 'source' && source.kind !== 'participant')) {
      this.fault(path, 'plan.metric.source.kind', `${path}.source${source ? '.kind' : ''}`, {metric: label});
    } else if (source.kind === 'source') {
      this.string(source, 'sourceId', path, `${path}.source`, who);
      this.oneOf(source, 'aggregation', AGGREGATIONS, path, `${path}.source`, who, {code: 'plan.metric.aggregation', params: {metric: label}});
      for (const key of ['filter', 'rateFilter'] as const) {
        if (source[key] === undefined) continue;
        const at = `${path}.source.${key}`;
        const filter = this.object(source[key], path, at, who, key);
        if (!filter) continue;
        const what = thing(who, key === 'filter' ? 'validate.part.filterField' : 'validate.part.rateFilterField');
        this.oneOf(filter, 'op', FILTER_OPS, path, at, who, {code: 'plan.filter.op', params: {thing: what}});
        if (filter.value !== undefined) this.string(filter, 'value', path, at, who);
      }
    }

    const scope = isObj(m.scope) ? m.scope : null;
    if (!scope || (scope.kind !== 'personal' && scope.kind !== 'team')) {
      this.fault(path, 'plan.scope.kind', `${path}.scope${scope ? '.kind' : ''}`, {metric: label, value: found(scope ? scope.kind : m.scope)});
    } else if (scope.kind === 'team' && !isWhole(scope.depth, 1)) {
      this.fault(path, 'plan.scope.depth', `${path}.scope.depth`, {thing: thing(who, 'validate.part.depth'), value: shown(scope.depth)});
    }

    const target = isObj(m.target) ? m.target : null;
    if (!target || !['none', 'fixed', 'perTier', 'participantField'].includes(str(target.kind))) {
      this.fault(path, 'plan.target.kind', `${path}.target${target ? '.kind' : ''}`, {metric: label});
    } else if (target.kind === 'perTier') {
      this.object(target.values, path, `${path}.target.values`, who, 'target.values');
    }

    const scoring = isObj(m.scoring) ? m.scoring : null;
    if (!scoring || !['attainment', 'lowerIsBetter', 'scale', 'bands'].includes(str(scoring.kind))) {
      this.fault(path, 'plan.scoring.kind', `${path}.scoring${scoring ? '.kind' : ''}`, {metric: label});
    } else if (scoring.kind === 'bands') {
      this.oneOf(scoring, 'on', ['value', 'attainment'], path, `${path}.scoring`, who);
      const bands = this.list(scoring.bands, path, `${path}.scoring.bands`, who, 'scoring.bands');
      bands?.forEach((b, k) => this.object(b, path, `${path}.scoring.bands[${k}]`, who, `bands[${k}]`));
    }
  }

  gate(o: Obj, part: string, path: string, who: Text) {
    if (o.gate === undefined) return;
    const gate = this.object(o.gate, part, `${path}.gate`, who, 'gate');
    if (gate) this.string(gate, 'minGrade', part, `${path}.gate`, who, true);
  }

  incentives(inc: Obj, path: string) {
    const pay = this.object(inc.performancePay, `${path}.performancePay`, `${path}.performancePay`, owner('validate.owner.plan'), 'incentives.performancePay');
    if (pay) this.boolean(pay, 'enabled', `${path}.performancePay`, `${path}.performancePay`, owner('validate.owner.performancePay'));

    const bonuses = this.list(inc.bonuses, `${path}.bonuses`, `${path}.bonuses`, owner('validate.owner.plan'), 'incentives.bonuses');
    bonuses?.forEach((raw, i) => {
      const part = `${path}.bonuses[${i}]`;
      const who = owner('validate.owner.bonus', nameOf(raw, 'label', `#${i + 1}`));
      const b = this.object(raw, part, part, who, `bonuses[${i}]`);
      if (!b) return;
      this.string(b, 'id', part, part, who);
      this.text(b, 'label', part, part, who);
      this.string(b, 'metricId', part, part, who);
      this.oneOf(b, 'tierMode', ['marginal', 'whole'], part, part, who, {code: 'plan.bonus.tierMode', params: {bonus: nameOf(raw, 'label', `#${i + 1}`)}});
      const tiers = this.list(b.tiers, part, `${part}.tiers`, who, 'tiers');
      tiers?.forEach((t, k) => this.object(t, part, `${part}.tiers[${k}]`, who, `tiers[${k}]`));
      this.gate(b, part, part, who);
    });

    const teamPart = `${path}.teamBonus`;
    const teamWho = owner('validate.owner.teamBonus');
    const team = this.object(inc.teamBonus, teamPart, teamPart, owner('validate.owner.plan'), 'incentives.teamBonus');
    if (team) {
      this.boolean(team, 'enabled', teamPart, teamPart, teamWho);
      this.string(team, 'metricId', teamPart, teamPart, teamWho);
      this.list(team.levels, teamPart, `${teamPart}.levels`, teamWho, 'levels');
      this.gate(team, teamPart, teamPart, teamWho);
    }

    const championPart = `${path}.championAward`;
    const championWho = owner('validate.owner.champion');
    const champion = this.object(inc.championAward, championPart, championPart, owner('validate.owner.plan'), 'incentives.championAward');
    if (champion) {
      this.boolean(champion, 'enabled', championPart, championPart, championWho);
      this.string(champion, 'metricId', championPart, championPart, championWho);
      this.oneOf(champion, 'split', ['equal', 'proRata'], championPart, championPart, championWho, {code: 'plan.champion.split', params: {}});
    }

    const honours = this.list(inc.honours, `${path}.honours`, `${path}.honours`, owner('validate.owner.plan'), 'incentives.honours');
    honours?.forEach((raw, i) => {
      const part = `${path}.honours[${i}]`;
      const title = nameOf(raw, 'title', `#${i + 1}`);
      const who = owner('validate.owner.honour', title);
      const h = this.object(raw, part, part, who, `honours[${i}]`);
      if (!h) return;
      this.string(h, 'id', part, part, who);
      this.text(h, 'title', part, part, who);
      if (h.by !== 'totalScore' && !(isObj(h.by) && typeof h.by.metricId === 'string')) {
        this.fault(part, 'plan.part.invalid', `${part}.by`, {thing: who, part: 'by', value: found(h.by)});
      }
      this.oneOf(h, 'direction', ['highest', 'lowest'], part, part, who, {code: 'plan.honour.direction', params: {honour: title}});
      this.string(h, 'tier', part, part, who, true);
      if (!isWhole(h.count, 1)) this.fault(part, 'plan.honour.count', `${part}.count`, {honour: title, value: shown(h.count)});
      this.whole(h, 'minSample', 0, part, part, thing(who, 'validate.part.minSample'), true);
    });
  }
}

/**
 * Reads a document for validation: every shape fault at once, and which parts the rules may trust.
 * Never throws.
 */
export function readPlan(doc: unknown): PlanReading {
  const parser = new Parser();
  parser.run(doc);
  const unsound = parser.unsound;
  return {plan: doc as PlanDocument, issues: parser.issues, sound: (path) => !unsound.has(path)};
}

/**
 * The document typed as a plan when its shape is one (every part the engine reads is there with
 * its type), else null, with the shape faults. The values are judged by `validatePlan`, which
 * runs this parse first: a document that validates is one that parses.
 *
 * @example parsePlan({...plan, versions: [{...v, incentives: {...i, teamBonus: null}}]}).plan // null, one plan.part.invalid
 */
export function parsePlan(doc: unknown): {plan: PlanDocument | null; issues: Issue[]} {
  const reading = readPlan(doc);
  return {plan: reading.issues.length === 0 ? reading.plan : null, issues: reading.issues};
}
