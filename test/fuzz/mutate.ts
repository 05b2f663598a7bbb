/**
 * Applies the fuzz's plan mutations (arbitraries.ts `PlanMutation`) to a plan document, as plain
 * JSON: the result is what a user could import or what an edited globalConfig could hold, and it
 * goes through the same parse and validation as the CLI's plan file.
 */
import {EXTREME_DECIMALS, IDS, ODD_VALUES, RESULT_FIELDS, type FixtureData, type NamedCase, type PlanMutation} from './arbitraries';

type Json = unknown;
type Obj = Record<string, Json>;
type Path = (string | number)[];

const isObj = (x: Json): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Every path in the document, depth first, root excluded. */
function paths(doc: Json, at: Path = [], out: Path[] = []): Path[] {
  const entries: [string | number, Json][] = Array.isArray(doc) ? doc.map((item, i) => [i, item]) : isObj(doc) ? Object.entries(doc) : [];
  for (const [key, item] of entries) {
    out.push([...at, key]);
    paths(item, [...at, key], out);
  }
  return out;
}

function get(doc: Json, path: Path): Json {
  return path.reduce<Json>((node, key) => (node === null || typeof node !== 'object' ? undefined : (node as Obj)[key as string]), doc);
}

function set(doc: Json, path: Path, value: Json): void {
  const parent = get(doc, path.slice(0, -1));
  if (parent !== null && typeof parent === 'object') (parent as Obj)[path[path.length - 1] as string] = value;
}

function remove(doc: Json, path: Path): void {
  const parent = get(doc, path.slice(0, -1));
  const key = path[path.length - 1];
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else if (isObj(parent)) delete parent[key as string];
}

const pickFrom = <T>(list: readonly T[], pick: number): T | undefined => (list.length === 0 ? undefined : list[pick % list.length]);

const isLabel = (x: Json): boolean => isObj(x) && typeof x.zh === 'string' && typeof x.en === 'string' && Object.keys(x).length === 2;
const isRef = (x: Json): x is {id: string; name: string} => isObj(x) && typeof x.id === 'string' && typeof x.name === 'string' && Object.keys(x).length === 2;
const isDecimal = (x: Json): boolean => typeof x === 'string' && /^-?\d+(\.\d+)?$/.test(x);

const RESULT_KEYS = Object.keys(RESULT_FIELDS);

/** The plan after the mutations, in order. Never throws: a mutation with nothing to act on does nothing. */
export function applyMutations(plan: Json, mutations: readonly PlanMutation[], fixture: FixtureData): Json {
  const doc = copy(plan);
  const allFields = fixture.base.tables.flatMap((t) => t.fields.map((f) => ({id: f.id, name: f.name, tableId: t.id})));
  const people = fixture.base.tables.find((t) => t.id === IDS.reps)!;
  for (const m of mutations) {
    const all = paths(doc);
    switch (m.kind) {
      case 'remove': {
        const path = pickFrom(all, m.pick);
        if (path) remove(doc, path);
        break;
      }
      case 'replace': {
        const path = pickFrom(all, m.pick);
        if (path) set(doc, path, copy(ODD_VALUES[m.value]));
        break;
      }
      case 'decimal': {
        const path = pickFrom(all.filter((p) => isDecimal(get(doc, p))), m.pick);
        if (path) set(doc, path, EXTREME_DECIMALS[m.value]);
        break;
      }
      case 'label': {
        const path = pickFrom(all.filter((p) => isLabel(get(doc, p))), m.pick);
        if (!path) break;
        const label = get(doc, path) as {zh: string; en: string};
        set(doc, path, m.how === 'string' ? label.zh : m.how === 'onlyZh' ? {zh: label.zh} : null);
        break;
      }
      case 'flag': {
        const path = pickFrom(all.filter((p) => p[p.length - 1] === 'enabled'), m.pick);
        if (path) set(doc, path, [1, 'true', 'false', 0, 'yes', {}][m.value]);
        break;
      }
      case 'ref': {
        const path = pickFrom(all.filter((p) => isRef(get(doc, p))), m.pick);
        if (!path) break;
        const ref = get(doc, path) as {id: string; name: string};
        if (m.how === 'noId') set(doc, path, {name: ref.name});
        else if (m.how === 'unknown') set(doc, path, {id: 'fldNoSuchField', name: ref.name});
        else if (m.how === 'primary') set(doc, path, {id: people.fields[0].id, name: people.fields[0].name});
        else {
          const other = pickFrom(allFields, m.target)!;
          set(doc, path, {id: other.id, name: other.name});
        }
        break;
      }
      case 'result': {
        const key = pickFrom(RESULT_KEYS, m.key)!;
        const target = pickFrom(people.fields, m.target)!;
        const results = get(doc, ['mapping', 'results']);
        if (isObj(results)) results[key] = {id: target.id, name: target.name};
        break;
      }
      case 'named':
        applyNamed(doc, m.what, m.index);
        break;
      case 'primaryAsResult': {
        const mapping = get(doc, ['mapping', 'people']);
        const results = get(doc, ['mapping', 'results']);
        if (isObj(mapping)) delete mapping.name;
        if (isObj(results)) results[m.key] = {id: people.fields[0].id, name: people.fields[0].name};
        break;
      }
      case 'weight': {
        const metrics = get(doc, ['versions', 0, 'metrics']);
        if (!Array.isArray(metrics) || metrics.length < 2) break;
        const from = metrics[m.from % metrics.length] as Obj;
        const to = metrics[m.to % metrics.length] as Obj;
        const a = Number(from?.weight);
        const b = Number(to?.weight);
        if (from === to || !Number.isInteger(a) || !Number.isInteger(b)) break;
        const moved = Math.min(a, m.amount);
        from.weight = String(a - moved);
        to.weight = String(b + moved);
        break;
      }
      case 'scope': {
        const metrics = get(doc, ['versions', 0, 'metrics']);
        const metric = Array.isArray(metrics) ? (pickFrom(metrics, m.metric) as Obj | undefined) : undefined;
        if (isObj(metric)) metric.scope = {kind: 'team', depth: m.depth};
        break;
      }
      case 'personalTarget': {
        const metrics = get(doc, ['versions', 0, 'metrics']);
        const metric = Array.isArray(metrics) ? (pickFrom(metrics, m.metric) as Obj | undefined) : undefined;
        if (isObj(metric)) metric.target = {kind: 'participantField', field: {id: 'fldRepsTarget', name: '个人目标'}};
        break;
      }
      case 'setting': {
        if (!isObj(doc)) break;
        const currency = doc.currency;
        const award = get(doc, ['versions', 0, 'incentives', 'championAward']);
        if (m.which === 'zh' || m.which === 'en') doc.resultLanguage = m.which;
        else if (m.which === 'precision0' && isObj(currency)) currency.precision = 0;
        else if (m.which === 'equalSplit' && isObj(award)) award.split = 'equal';
        else if (isObj(currency) && (m.which === 'halfEven' || m.which === 'down')) currency.rounding = m.which;
        break;
      }
    }
  }
  return doc;
}

/** Issue 10's plan cases (arbitraries.ts NAMED_CASES); `index` picks the metric, source or honour. */
function applyNamed(doc: Json, what: NamedCase, index: number): void {
  const at = (...path: Path): Json => get(doc, path);
  const nth = (list: Json): Obj | undefined => (Array.isArray(list) && list.length > 0 ? (list[index % list.length] as Obj) : undefined);
  const metric = nth(at('versions', 0, 'metrics'));
  const incentives = at('versions', 0, 'incentives');
  const honour = nth(isObj(incentives) ? incentives.honours : undefined);
  const source = nth(at('mapping', 'sources'));
  const people = at('mapping', 'people');
  const results = at('mapping', 'results');
  switch (what) {
    case 'metricLabelMissing':
      if (metric) delete metric.label;
      break;
    case 'metricLabelString':
      if (metric && isObj(metric.label)) metric.label = metric.label.zh;
      break;
    case 'sourceLabelMissing':
      if (source) delete source.label;
      break;
    case 'honourTitleMissing':
      if (honour) delete honour.title;
      break;
    case 'honourTitleNull':
      if (honour) honour.title = null;
      break;
    case 'scopeMissing':
      if (metric) delete metric.scope;
      break;
    case 'teamBonusEnabledOneNoLevels':
      if (isObj(incentives)) incentives.teamBonus = {enabled: 1, metricId: 'sales'};
      break;
    case 'teamBonusNull':
      if (isObj(incentives)) incentives.teamBonus = null;
      break;
    case 'bonusesMissing':
      if (isObj(incentives)) delete incentives.bonuses;
      break;
    case 'resultsMissing':
      if (isObj(at('mapping'))) delete (at('mapping') as Obj).results;
      break;
    case 'leaderShareTruthy':
      if (isObj(incentives) && isObj(incentives.championAward)) Object.assign(incentives.championAward, {enabled: 1, leaderShare: '1.5', pool: '1000'});
      break;
    case 'resultRefNoId': {
      const keys = isObj(results) ? Object.keys(results) : [];
      const key = keys[index % Math.max(1, keys.length)];
      if (isObj(results) && key && isObj(results[key])) results[key] = {name: (results[key] as Obj).name};
      break;
    }
    case 'salaryRefNoId':
      if (isObj(people) && isObj(people.baseSalary)) people.baseSalary = {name: people.baseSalary.name};
      break;
    case 'bonusLabelString': {
      const bonus = nth(isObj(incentives) ? incentives.bonuses : undefined);
      if (bonus && isObj(bonus.label)) bonus.label = bonus.label.en;
      break;
    }
  }
}

/**
 * Every field id the plan reads (anything but its result fields), plus the people table's primary
 * field, which is read as the participants' name: none of these cells may ever change.
 */
export function inputFieldIds(plan: Json, fixture: FixtureData): Set<string> {
  const ids = new Set<string>();
  const walk = (node: Json, key: string | number | null) => {
    if (key === 'results') return;
    if (isObj(node) && typeof node.id === 'string' && node.id.startsWith('fld')) ids.add(node.id);
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, i));
    else if (isObj(node)) for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  walk(isObj(plan) ? plan.mapping : null, 'mapping');
  walk(isObj(plan) ? plan.versions : null, 'versions');
  const people = fixture.base.tables.find((t) => t.id === IDS.reps);
  if (people) ids.add(people.fields[0].id);
  return ids;
}
