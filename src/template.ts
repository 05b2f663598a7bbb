/**
 * The article's direct-sales plan as a ready template: sales 60% / customer satisfaction 30% /
 * new customers 10%, the other metric families offered at weight 0, higher targets for 资深 than
 * for 新人, grades S..D with pay coefficients, a tiered sales commission with a gate and a cap, a
 * two-level team bonus, a team champion award, honours and an improvement action per metric.
 *
 * Given the base's schema, tables and fields are pre-selected by name (src/fieldMatch.ts); what
 * cannot be matched stays empty (id "") and the validator names it for the user to choose.
 */
import {t, text, type MessageKey} from './i18n';
import {
  matchChoice,
  matchField,
  matchParticipantLink,
  matchResultFields,
  matchTables,
  matchUpline,
  type FieldConcept,
  type FieldRole,
} from './fieldMatch';
import {monthPeriod} from './period';
import {
  PLAN_SCHEMA_VERSION,
  type FieldRef,
  type Filter,
  type Lang,
  type GradeBand,
  type Mapping,
  type Metric,
  type MetricFamily,
  type MetricSource,
  type MetricUnit,
  type PeopleMapping,
  type PlanDocument,
  type ResultKey,
  type Scoring,
  type SourceMapping,
  type Target,
} from './plan';
import type {BaseSchema, FieldSchema, TableSchema} from './schema';

export const TEMPLATE_SOURCE_IDS = ['orders', 'customers', 'reviews', 'evaluations', 'teamwork'] as const;
export type TemplateSourceId = (typeof TEMPLATE_SOURCE_IDS)[number];

export const TEMPLATE_METRIC_IDS = [
  'sales',
  'satisfaction',
  'newCustomers',
  'received',
  'units',
  'complaintRate',
  'positiveRate',
  'retention',
  'referrals',
  'sharedInfo',
  'salesSkill',
  'serviceQuality',
] as const;
export type TemplateMetricId = (typeof TEMPLATE_METRIC_IDS)[number];

/** A reference still to be chosen by the user: the validator reports it as missing. */
export const UNMAPPED: FieldRef = Object.freeze({id: '', name: ''});

const ref = (item: {id: string; name: string} | undefined): FieldRef =>
  item ? {id: item.id, name: item.name} : {...UNMAPPED};

/** The tier names of the base when its tier field offers them (新人/资深 or New/Senior). */
interface Tiers {
  junior: string;
  senior: string;
}

/** What the base's names told us; every part may be missing. */
interface Matched {
  people?: TableSchema;
  peopleFields: Partial<Record<'name' | 'upline' | 'team' | 'tier' | 'baseSalary' | 'performancePayBase', FieldSchema>>;
  tables: Partial<Record<TemplateSourceId, TableSchema>>;
  /** Fields per source, by concept. */
  fields: Partial<Record<TemplateSourceId, Partial<Record<FieldConcept, FieldSchema>>>>;
  results: Partial<Record<ResultKey, FieldSchema>>;
  tiers: Tiers;
  referralValue: string;
  sharedInfoValue: string;
}

/** The fields each source's metrics read, in the order they are claimed (received before amount). */
const SOURCE_FIELDS: Record<TemplateSourceId, [FieldConcept, FieldRole][]> = {
  orders: [
    ['received', 'number'],
    ['amount', 'number'],
    ['quantity', 'number'],
  ],
  customers: [
    ['retained', 'flag'],
    ['origin', 'any'],
  ],
  reviews: [
    ['satisfaction', 'rating'],
    ['complaint', 'flag'],
    ['positive', 'flag'],
  ],
  evaluations: [
    ['salesSkill', 'rating'],
    ['serviceQuality', 'rating'],
  ],
  teamwork: [['activityType', 'any']],
};

function matchSourceFields(
  table: TableSchema,
  id: TemplateSourceId,
  peopleTableId: string | undefined,
): Partial<Record<FieldConcept, FieldSchema>> {
  const found: Partial<Record<FieldConcept, FieldSchema>> = {};
  const taken = new Set<string>();
  const claim = (concept: FieldConcept, field: FieldSchema | undefined) => {
    if (!field) return;
    found[concept] = field;
    taken.add(field.id);
  };
  claim('participant', matchParticipantLink(table, peopleTableId));
  claim('date', matchField(table, 'date', 'date', taken));
  for (const [concept, role] of SOURCE_FIELDS[id]) claim(concept, matchField(table, concept, role, taken));
  return found;
}

/**
 * Tables the user already chose in the wizard, by id: they win over name matching, and the
 * template's fields are then matched inside them. `null` means "no such table in my base".
 */
export interface TemplateTables {
  people?: string | null;
  sources?: Partial<Record<TemplateSourceId, string | null>>;
}

function chooseTables(tables: readonly TableSchema[], chosen: TemplateTables): ReturnType<typeof matchTables> {
  const picks: Partial<Record<'people' | TemplateSourceId, string | null>> = {people: chosen.people, ...chosen.sources};
  const pickedIds = new Set(Object.values(picks).filter((id): id is string => typeof id === 'string'));
  // Name matching only for the concepts the user left open, among the tables nobody picked.
  const byConcept = matchTables(tables.filter((t) => !pickedIds.has(t.id)));
  for (const [concept, id] of Object.entries(picks) as ['people' | TemplateSourceId, string | null | undefined][]) {
    if (id === undefined) continue;
    byConcept[concept] = id === null ? undefined : tables.find((t) => t.id === id);
  }
  return byConcept;
}

function matchBase(schema: BaseSchema | undefined, chosen: TemplateTables): Matched {
  const tables = Array.isArray(schema?.tables) ? schema.tables : [];
  const byConcept = chooseTables(tables, chosen);
  const people = byConcept.people;
  const peopleFields: Matched['peopleFields'] = {};
  if (people) {
    const taken = new Set<string>();
    const claim = (key: keyof Matched['peopleFields'], field: FieldSchema | undefined) => {
      if (!field) return;
      peopleFields[key] = field;
      taken.add(field.id);
    };
    claim('upline', matchUpline(people));
    claim('performancePayBase', matchField(people, 'performancePayBase', 'money', taken));
    claim('baseSalary', matchField(people, 'baseSalary', 'money', taken));
    claim('tier', matchField(people, 'tier', 'label', taken));
    claim('team', matchField(people, 'team', 'label', taken));
    claim('name', matchField(people, 'name', 'label', taken));
  }
  const sourceTables: Matched['tables'] = {};
  const fields: Matched['fields'] = {};
  for (const id of TEMPLATE_SOURCE_IDS) {
    const table = byConcept[id];
    if (!table) continue;
    sourceTables[id] = table;
    fields[id] = matchSourceFields(table, id, people?.id);
  }
  const inputIds = new Set(Object.values(peopleFields).map((f) => f.id));
  const tier = peopleFields.tier;
  return {
    people,
    peopleFields,
    tables: sourceTables,
    fields,
    results: people ? matchResultFields(people, inputIds) : {},
    tiers: {
      junior: matchChoice(tier, ['新人', 'New', 'Newcomer', 'Junior', 'Trainee']) ?? '新人',
      senior: matchChoice(tier, ['资深', 'Senior', 'Experienced', 'Veteran']) ?? '资深',
    },
    referralValue: matchChoice(fields.customers?.origin, ['转介绍', 'Referral', 'Referred', 'Referrals']) ?? '转介绍',
    sharedInfoValue:
      matchChoice(fields.teamwork?.activityType, ['信息分享', 'Information sharing', 'Info sharing', 'Shared info']) ??
      '信息分享',
  };
}

function buildMapping(m: Matched): Mapping {
  let people: PeopleMapping | undefined;
  if (m.people) {
    people = {table: ref(m.people)};
    for (const [key, field] of Object.entries(m.peopleFields) as [keyof Matched['peopleFields'], FieldSchema][]) {
      people[key] = ref(field);
    }
  }
  const sources: SourceMapping[] = TEMPLATE_SOURCE_IDS.map((id) => {
    const fields = m.fields[id] ?? {};
    const source: SourceMapping = {
      id,
      label: text(`template.source.${id}`),
      table: ref(m.tables[id]),
      participant: ref(fields.participant),
    };
    // A source without a date counts all its records in every period: the template always asks
    // for one, so an unmatched date stays visible as "to choose" instead of silently counting all.
    source.date = ref(fields.date);
    return source;
  });
  const results: Mapping['results'] = {};
  for (const [key, field] of Object.entries(m.results) as [ResultKey, FieldSchema][]) results[key] = ref(field);
  return {people, sources, results};
}

const fromSource = (
  sourceId: TemplateSourceId,
  aggregation: 'sum' | 'count' | 'average' | 'rate',
  extra: {field?: FieldRef; filter?: Filter; rateFilter?: Filter} = {},
): MetricSource => ({kind: 'source', sourceId, aggregation, ...extra});

const isTrue = (field: FieldSchema | undefined): Filter => ({field: ref(field), op: 'isTrue'});

const attainment = (cap = '150'): Scoring => ({kind: 'attainment', cap});
const ratingScale: Scoring = {kind: 'scale', min: '1', max: '5'};

function metric(
  id: TemplateMetricId,
  family: MetricFamily,
  unit: MetricUnit,
  source: MetricSource,
  target: Target,
  scoring: Scoring,
  weight: string,
): Metric {
  return {
    id,
    label: text(`template.metric.${id}` satisfies MessageKey),
    family,
    unit,
    source,
    scope: {kind: 'personal'},
    target,
    scoring,
    weight,
    improvement: text(`template.improve.${id}` satisfies MessageKey),
  };
}

function buildMetrics(m: Matched): Metric[] {
  const f = (source: TemplateSourceId, concept: FieldConcept) => m.fields[source]?.[concept];
  const perTier = (junior: string, senior: string): Target => ({
    kind: 'perTier',
    values: {[m.tiers.junior]: junior, [m.tiers.senior]: senior},
  });
  const fixed = (value: string): Target => ({kind: 'fixed', value});
  return [
    metric('sales', 'sales', 'money', fromSource('orders', 'sum', {field: ref(f('orders', 'amount'))}), perTier('50000', '100000'), attainment(), '60'),
    metric('satisfaction', 'customerQuality', 'rating', fromSource('reviews', 'average', {field: ref(f('reviews', 'satisfaction'))}), {kind: 'none'}, ratingScale, '30'),
    metric('newCustomers', 'customerDevelopment', 'count', fromSource('customers', 'count'), perTier('5', '10'), attainment(), '10'),
    metric('received', 'sales', 'money', fromSource('orders', 'sum', {field: ref(f('orders', 'received'))}), perTier('50000', '100000'), attainment(), '0'),
    metric('units', 'sales', 'count', fromSource('orders', 'sum', {field: ref(f('orders', 'quantity'))}), perTier('50', '100'), attainment(), '0'),
    metric('complaintRate', 'customerQuality', 'percent', fromSource('reviews', 'rate', {rateFilter: isTrue(f('reviews', 'complaint'))}), fixed('5'), {kind: 'lowerIsBetter', cap: '150'}, '0'),
    metric('positiveRate', 'customerQuality', 'percent', fromSource('reviews', 'rate', {rateFilter: isTrue(f('reviews', 'positive'))}), fixed('80'), attainment('120'), '0'),
    metric('retention', 'customerQuality', 'percent', fromSource('customers', 'rate', {rateFilter: isTrue(f('customers', 'retained'))}), fixed('70'), attainment('120'), '0'),
    metric('referrals', 'network', 'count', fromSource('customers', 'count', {filter: {field: ref(f('customers', 'origin')), op: 'eq', value: m.referralValue}}), fixed('2'), attainment(), '0'),
    metric('sharedInfo', 'teamwork', 'count', fromSource('teamwork', 'count', {filter: {field: ref(f('teamwork', 'activityType')), op: 'eq', value: m.sharedInfoValue}}), fixed('4'), attainment(), '0'),
    metric('salesSkill', 'qualitative', 'rating', fromSource('evaluations', 'average', {field: ref(f('evaluations', 'salesSkill'))}), {kind: 'none'}, ratingScale, '0'),
    metric('serviceQuality', 'qualitative', 'rating', fromSource('evaluations', 'average', {field: ref(f('evaluations', 'serviceQuality'))}), {kind: 'none'}, ratingScale, '0'),
  ];
}

/** The article's grades: S from 110, A 100-110, B 85-100, C 70-85, D below 70. */
export const TEMPLATE_GRADES: readonly GradeBand[] = [
  {grade: 'S', min: '110', coefficient: '1.5'},
  {grade: 'A', min: '100', max: '110', coefficient: '1.2'},
  {grade: 'B', min: '85', max: '100', coefficient: '1'},
  {grade: 'C', min: '70', max: '85', coefficient: '0.8'},
  {grade: 'D', min: '0', max: '70', coefficient: '0.5'},
];

function yearOf(today: string | undefined): number {
  const match = /^(\d{4})-\d{2}-\d{2}/.exec(today ?? '');
  return match ? Number(match[1]) : new Date().getUTCFullYear();
}

/**
 * The article's plan; with a schema, the base's tables and fields are pre-selected by name, in
 * the tables the user chose when `tables` says so. The plan's name is in `lang`, the language of
 * the person applying the template (a name is one text the user edits, not a zh/en pair); the
 * demo base and most users read Chinese first, hence the default.
 *
 * @example createTemplate(undefined, '2026-05-10').periods[0].id // '2026-01'
 * @example createTemplate(undefined, '2026-05-10', {}, 'en').name // 'Direct-sales performance and bonus plan'
 * @example createTemplate(schema, today, {people: 'tblStaff', sources: {teamwork: null}})
 */
export function createTemplate(schema?: BaseSchema, today?: string, tables: TemplateTables = {}, lang: Lang = 'zh'): PlanDocument {
  const year = yearOf(today);
  const matched = matchBase(schema, tables);
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    name: t(lang, 'template.name'),
    mapping: buildMapping(matched),
    periods: Array.from({length: 12}, (_, i) => monthPeriod(year, i + 1)),
    versions: [
      {
        id: 'v1',
        label: String(year),
        effectiveFrom: `${year}-01-01`,
        metrics: buildMetrics(matched),
        grades: TEMPLATE_GRADES.map((g) => ({...g})),
        incentives: {
          performancePay: {enabled: true},
          bonuses: [
            {
              id: 'salesBonus',
              label: text('template.bonus.sales'),
              metricId: 'sales',
              // 2% on sales up to target, 3% on the slice from 100% to 120%, 5% beyond.
              tierMode: 'marginal',
              tiers: [
                {fromAttainment: '0', rate: '0.02'},
                {fromAttainment: '100', rate: '0.03'},
                {fromAttainment: '120', rate: '0.05'},
              ],
              gate: {minGrade: 'C'},
              cap: '20000',
              fixedOnTarget: '500',
            },
          ],
          teamBonus: {enabled: true, metricId: 'sales', levels: ['0.05', '0.02'], gate: {minGrade: 'B'}},
          championAward: {enabled: true, metricId: 'sales', pool: '10000', leaderShare: '0.3', split: 'proRata'},
          honours: [
            {id: 'salesChampion', title: text('template.honour.salesChampion'), by: {metricId: 'sales'}, direction: 'highest', count: 1},
            {id: 'bestNewcomer', title: text('template.honour.bestNewcomer'), by: 'totalScore', direction: 'highest', tier: matched.tiers.junior, count: 1},
            {id: 'serviceStar', title: text('template.honour.serviceStar'), by: {metricId: 'satisfaction'}, direction: 'highest', minSample: 5, count: 1},
          ],
        },
        feedback: {strengths: 2, weakest: 2},
      },
    ],
    currency: {code: 'CNY', precision: 2, rounding: 'halfUp'},
    // The article's career incentive: three closed months in a row at A or better suggest 新人 -> 资深.
    promotion: [{fromTier: matched.tiers.junior, minGrade: 'A', periods: 3, toTier: matched.tiers.senior}],
  };
}
