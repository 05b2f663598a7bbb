/**
 * The demo base: a seeded, Chinese-named direct-sales company in the @airtable/blocks-testing
 * FixtureData format. The same JSON drives the tests, the playground, the bench and the headless
 * run, so table, field and record ids are stable (see docs/demo-base.md and
 * /work/notes/demo-base.md for the naming contract).
 *
 * Built with plain arrays and one small PRNG so that the 10k-rep / 200k-order base takes about a
 * second to construct: no cloning, no per-record object spreads.
 */
import {fixtureTable, type FixtureData} from './fixture';

type Table = FixtureData['base']['tables'][number];
type FieldFixture = Table['fields'][number];
type RecordFixture = Table['records'][number];
type Cells = Record<string, unknown>;

export const TABLE_IDS = {
  reps: 'tblReps',
  orders: 'tblOrders',
  customers: 'tblCustomers',
  reviews: 'tblReviews',
  evaluations: 'tblEvals',
  teamwork: 'tblTeamwork',
} as const;

/** Every field id of the demo base, by table. */
export const FIELD_IDS = {
  reps: {
    name: 'fldRepsName',
    upline: 'fldRepsUpline',
    team: 'fldRepsTeam',
    tier: 'fldRepsTier',
    baseSalary: 'fldRepsBaseSalary',
    performancePayBase: 'fldRepsPerfPayBase',
    joined: 'fldRepsJoined',
    salesTotal: 'fldRepsSalesTotal',
    totalScore: 'fldRepsTotalScore',
    grade: 'fldRepsGrade',
    rank: 'fldRepsRank',
    performancePay: 'fldRepsPerfPay',
    bonus: 'fldRepsBonus',
    teamBonus: 'fldRepsTeamBonus',
    award: 'fldRepsAward',
    totalPay: 'fldRepsTotalPay',
    honours: 'fldRepsHonours',
    breakdown: 'fldRepsBreakdown',
    feedback: 'fldRepsFeedback',
    calculatedAt: 'fldRepsCalculatedAt',
  },
  orders: {
    number: 'fldOrdersNumber',
    rep: 'fldOrdersRep',
    date: 'fldOrdersDate',
    amount: 'fldOrdersAmount',
    received: 'fldOrdersReceived',
    quantity: 'fldOrdersQuantity',
    customer: 'fldOrdersCustomer',
    status: 'fldOrdersStatus',
  },
  customers: {
    name: 'fldCustomersName',
    owner: 'fldCustomersOwner',
    created: 'fldCustomersCreated',
    region: 'fldCustomersRegion',
    source: 'fldCustomersSource',
    retained: 'fldCustomersRetained',
  },
  reviews: {
    number: 'fldReviewsNumber',
    rep: 'fldReviewsRep',
    date: 'fldReviewsDate',
    satisfaction: 'fldReviewsSatisfaction',
    complaint: 'fldReviewsComplaint',
    positive: 'fldReviewsPositive',
  },
  evaluations: {
    number: 'fldEvalsNumber',
    rep: 'fldEvalsRep',
    date: 'fldEvalsDate',
    salesSkill: 'fldEvalsSalesSkill',
    serviceQuality: 'fldEvalsServiceQuality',
  },
  teamwork: {
    number: 'fldTeamworkNumber',
    rep: 'fldTeamworkRep',
    date: 'fldTeamworkDate',
    kind: 'fldTeamworkKind',
  },
} as const;

/**
 * The records `messy: true` adds, each carrying one of issue 6's data problems. The clean base is
 * untouched, so a messy base is the clean one plus exactly these records.
 */
export const MESSY_IDS = {
  /** 订单金额 holds the text "一千二百". */
  textAmount: 'recMessyTextAmt',
  /** 订单金额 and 实际到账金额 are empty. */
  emptyAmount: 'recMessyEmptyAmt',
  /** 订单金额 = 1e15. */
  hugeAmount: 'recMessyHugeAmt',
  /** 订单金额 = 1234.56789123. */
  manyDecimals: 'recMessyDecimals',
  /** 下单日期 is empty. */
  noDate: 'recMessyNoDate',
  /** 下单日期 2062-06-15 (a mistyped 2026): after every period of the demo, so reported (a date before them is history). */
  outsidePeriods: 'recMessyOutside',
  /** 销售人员 links two reps. */
  twoReps: 'recMessyTwoReps',
  /** A rep whose 上级 is themself. */
  selfUpline: 'recMessySelf',
  /** Three reps whose 上级 links form a cycle A -> B -> C -> A. */
  cycle: ['recMessyCycleA', 'recMessyCycleB', 'recMessyCycleC'],
  /** A rep whose 上级 points at a record that no longer exists. */
  ghostUpline: 'recMessyGhostKid',
  /** The id the ghost upline points at (not in the base). */
  deletedRep: 'recDeletedRep01',
  /** A rep named exactly like the first rep of the clean base. */
  duplicateName: 'recMessyDupName',
  /** A rep of tier 实习, for which the template has no target; base salary empty. */
  intern: 'recMessyIntern',
  /** A review with 满意度 7 on a 1-5 scale. */
  ratingOutOfScale: 'recMessyRating',
  /** A review with an empty 满意度. */
  emptyRating: 'recMessyNoRating',
} as const;

export type DemoSize = 'small' | '1k' | '10k';

export const DEMO_SIZES: Record<DemoSize, {reps: number; orders: number}> = {
  small: {reps: 60, orders: 3000},
  '1k': {reps: 1000, orders: 20000},
  '10k': {reps: 10000, orders: 200000},
};

export interface DemoBaseOptions {
  seed?: number;
  /** A preset; `reps`/`orders` override it. Default 'small'. */
  size?: DemoSize;
  reps?: number;
  orders?: number;
  /** Months covered by the activity, ending with `endMonth`. Default 3. */
  months?: number;
  /**
   * The last month of activity, `YYYY-MM`. Default: month `months` of DEMO_YEAR (2026-01..03 for
   * 3 months), so tests see one fixed base. The playground passes the current month so that a
   * newcomer's default period (the one containing today) has data.
   */
  endMonth?: string;
  /**
   * Levels of the upline tree (team leaders are level 1), within DEMO_LEVELS. Default 4; the bench
   * uses 6. A base with fewer reps than levels is as deep as its reps allow.
   */
  levels?: number;
  /** Adds the bad data of MESSY_IDS. */
  messy?: boolean;
}

/** The level counts the generator offers (`npm run demo -- --levels n`). */
export const DEMO_LEVELS = {min: 1, max: 10} as const;

export const DEMO_YEAR = 2026;
const DEFAULT_SEED = 20260101;
const CREATED_TIME = '2026-01-01T00:00:00.000Z';

/**
 * The months the demo's activity covers, oldest first.
 *
 * @example demoMonths(3) // ['2026-01', '2026-02', '2026-03']
 * @example demoMonths(2, '2027-01') // ['2026-12', '2027-01']
 */
export function demoMonths(months = 3, endMonth?: string): string[] {
  const end = /^\d{4}-\d{2}$/.test(endMonth ?? '') ? endMonth! : `${DEMO_YEAR}-${String(months).padStart(2, '0')}`;
  const endIndex = Number(end.slice(0, 4)) * 12 + Number(end.slice(5)) - 1;
  return Array.from({length: months}, (_, i) => {
    const index = endIndex - (months - 1) + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** mulberry32: tiny, fast and good enough for test data; the same seed gives the same base. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤');
const GIVEN = Array.from('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞鑫波斌宇浩凯健俊帆帅旭宁琳晨晶瑶雪婷倩颖欣悦佳怡嘉琪思雨梓轩子涵博文睿泽昊然');
const BASE_TEAMS = ['华东一队', '华东二队', '华南队', '华北队', '华中队', '西南队', '西北队', '东北队'];
const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
const CITIES = ['上海', '杭州', '南京', '苏州', '广州', '深圳', '北京', '天津', '武汉', '成都', '重庆', '西安', '沈阳', '长沙', '厦门'];
const TRADES = ['贸易', '科技', '商贸', '健康', '家居', '日化', '食品', '美容'];
const COLORS = ['blueLight2', 'cyanLight2', 'tealLight2', 'greenLight2', 'yellowLight2', 'orangeLight2', 'redLight2', 'pinkLight2', 'purpleLight2', 'grayLight2'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

interface Choice {
  id: string;
  name: string;
  color: string;
}

function choices(prefix: string, names: readonly string[]): Choice[] {
  return names.map((name, i) => ({id: `sel${prefix}${pad(i + 1, 2)}`, name, color: COLORS[i % COLORS.length]}));
}

const field = (id: string, name: string, type: string, options: Record<string, unknown> | null = null): FieldFixture => ({
  id,
  name,
  description: null,
  type: type as FieldFixture['type'],
  options,
});

const money = (): Record<string, unknown> => ({precision: 2, symbol: '¥'});
const isoDate = () => ({dateFormat: {name: 'iso', format: 'YYYY-MM-DD'}});
const link = (tableId: string) => ({linkedTableId: tableId, isReversed: false, prefersSingleRecordLink: true});
const rating = () => ({icon: 'star', max: 5, color: 'yellowBright'});
const checkbox = () => ({icon: 'check', color: 'greenBright'});
const selectOptions = (list: Choice[]) => ({choices: list});

/** A demo table: the shared fixture shape, with the demo's own grid view (“表格视图”, id viw…Grid). */
function makeTable(id: string, name: string, fields: FieldFixture[], records: RecordFixture[]): Table {
  return fixtureTable(id, name, fields, records, {id: `viw${id.slice(3)}Grid`, name: '表格视图'});
}

const record = (id: string, cellValuesByFieldId: Cells): RecordFixture => ({id, commentCount: 0, createdTime: CREATED_TIME, cellValuesByFieldId});

/** Cents to a JS number with at most two decimals (the fixture holds what Airtable would). */
const yuan = (cents: number) => Math.round(cents) / 100;

interface Rep {
  id: string;
  name: string;
  level: number;
  parent: number;
  team: number;
  senior: boolean;
  activity: number;
  quality: number;
}

/**
 * People per level of a tree with `roots` leaders and `levels` levels holding exactly `total`
 * people, growing geometrically. Every level holds at least one person, so a base with fewer
 * people than levels is as deep as its people allow; one level is all leaders.
 *
 * @example levelSizes(60, 4, 4) // [4, 8, 16, 32]
 * @example levelSizes(10, 4, 1) // [10]
 * @example levelSizes(5, 4, 6) // [4, 1]
 */
export function levelSizes(total: number, roots: number, levels: number): number[] {
  const leaders = Math.min(total, roots);
  const depth = Math.min(levels, 1 + total - leaders);
  if (depth <= 1) return [total];
  let lo = 1;
  let hi = total;
  for (let i = 0; i < 60; i++) {
    const b = (lo + hi) / 2;
    let sum = 0;
    for (let k = 0; k < depth; k++) sum += leaders * b ** k;
    if (sum > total) hi = b;
    else lo = b;
  }
  const sizes: number[] = [leaders];
  let used = leaders;
  for (let k = 1; k < depth; k++) {
    // Leave one person for each level still to fill.
    const room = total - used - (depth - 1 - k);
    const size = k === depth - 1 ? total - used : Math.max(1, Math.min(room, Math.round(leaders * lo ** k)));
    sizes.push(size);
    used += size;
  }
  return sizes;
}

function teamNames(count: number): string[] {
  const names = BASE_TEAMS.slice(0, count);
  for (let i = names.length; i < count; i++) names.push(`${REGIONS[i % REGIONS.length]}${Math.floor(i / REGIONS.length) + 2}队`);
  return names;
}

/**
 * A deterministic demo base.
 *
 * @example demoBase({size: '1k'}).base.tables.map((t) => t.records.length) // [1000, 20000, ...]
 */
export function demoBase(options: DemoBaseOptions = {}): FixtureData {
  const preset = DEMO_SIZES[options.size ?? 'small'];
  const repCount = Math.max(1, options.reps ?? preset.reps);
  const orderCount = Math.max(0, options.orders ?? preset.orders);
  const monthCount = Math.min(12, Math.max(1, options.months ?? 3));
  const levels = Math.min(DEMO_LEVELS.max, Math.max(DEMO_LEVELS.min, Math.floor(options.levels ?? 4)));
  const rng = prng(options.seed ?? DEFAULT_SEED);
  const int = (min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
  const pickOf = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)];
  const months = demoMonths(monthCount, options.endMonth);
  // The year of the activity: DEMO_YEAR unless the caller moved the months.
  const year = Number(months[months.length - 1].slice(0, 4));
  const daysIn = months.map((m) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5)), 0)).getUTCDate());
  const randomDay = (): string => {
    const m = Math.floor(rng() * monthCount);
    return `${months[m]}-${pad(int(1, daysIn[m]), 2)}`;
  };

  // --- Reps and their upline tree -------------------------------------------------------------
  const teamCount = Math.max(1, Math.min(repCount, repCount <= 100 ? 4 : Math.round(Math.sqrt(repCount) / 8) + 4));
  const teams = teamNames(teamCount);
  const teamChoices = choices('Team', teams);
  const tierChoices = choices('Tier', ['新人', '资深', '实习']);
  const sizes = levelSizes(repCount, teamCount, levels);
  const usedNames = new Set<string>();
  const repName = (): string => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const name = pickOf(SURNAMES) + pickOf(GIVEN) + (rng() < 0.6 ? pickOf(GIVEN) : '');
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
    const name = `${pickOf(SURNAMES)}${pickOf(GIVEN)}${usedNames.size}`;
    usedNames.add(name);
    return name;
  };
  const reps: Rep[] = [];
  let levelStart = 0;
  sizes.forEach((size, level) => {
    const prevStart = levelStart - (level > 0 ? sizes[level - 1] : 0);
    for (let j = 0; j < size; j++) {
      const index = reps.length;
      const parent = level === 0 ? -1 : prevStart + (j < sizes[level - 1] ? j : Math.floor(rng() * sizes[level - 1]));
      reps.push({
        id: `recRep${pad(index + 1, 6)}`,
        name: repName(),
        level,
        parent,
        team: level === 0 ? index % teamCount : reps[parent].team,
        senior: level === 0 || (level < levels - 1 ? rng() < 0.8 : rng() < 0.35),
        activity: 0.4 + rng() * 1.6,
        quality: rng(),
      });
    }
    levelStart += size;
  });
  // One link value per rep, shared by every record that links to them: 300k fewer allocations on
  // the 10k base. Cell values are replaced on write, never edited in place, so sharing is safe.
  const repLinks = reps.map((rep) => [{id: rep.id, name: rep.name}]);
  const repLink = (i: number) => repLinks[i];

  // Weighted choice of the rep credited with an order: senior reps sell more.
  const cumulative = new Float64Array(repCount);
  let weightSum = 0;
  reps.forEach((rep, i) => {
    weightSum += rep.activity * (rep.senior ? 1.4 : 1);
    cumulative[i] = weightSum;
  });
  const pickRep = (): number => {
    const x = rng() * weightSum;
    let lo = 0;
    let hi = repCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  // --- Customers ------------------------------------------------------------------------------
  const F = FIELD_IDS;
  const regionChoices = choices('Region', REGIONS);
  const sourceChoices = choices('Source', ['转介绍', '自主开发', '活动']);
  const customerCount = Math.max(1, Math.round(orderCount / 4));
  const customerOwner = new Int32Array(customerCount);
  const customersByRep: number[][] = reps.map(() => []);
  const customerRecords: RecordFixture[] = new Array(customerCount);
  const customerNames: string[] = new Array(customerCount);
  for (let c = 0; c < customerCount; c++) {
    const owner = pickRep();
    customerOwner[c] = owner;
    customersByRep[owner].push(c);
    const id = `recCus${pad(c + 1, 6)}`;
    const name = `${pickOf(CITIES)}${pickOf(SURNAMES)}${pickOf(GIVEN)}${pickOf(TRADES)}有限公司`;
    customerNames[c] = name;
    const roll = rng();
    const source = roll < 0.2 ? sourceChoices[0] : roll < 0.7 ? sourceChoices[1] : sourceChoices[2];
    const created = rng() < 0.7 ? randomDay() : `${year - 1}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`;
    customerRecords[c] = record(id, {
      [F.customers.name]: name,
      [F.customers.owner]: repLink(owner),
      [F.customers.created]: created,
      [F.customers.region]: regionChoices[reps[owner].team % regionChoices.length],
      [F.customers.source]: source,
      [F.customers.retained]: rng() < 0.7,
    });
  }

  // --- Orders, refunds and orphans ------------------------------------------------------------
  const statusChoices = choices('Status', ['已完成', '已退款']);
  const salesByRep = new Float64Array(repCount);
  const orderRecords: RecordFixture[] = [];
  const orphanEvery = orderCount >= 200 ? Math.floor(orderCount / Math.max(3, Math.round(orderCount / 500))) : 0;
  let orderNo = 0;
  const nextOrderId = () => {
    orderNo += 1;
    return {id: `recOrd${pad(orderNo, 7)}`, number: `SO${year}${pad(orderNo, 7)}`};
  };
  while (orderRecords.length < orderCount) {
    const rep = pickRep();
    const {id, number} = nextOrderId();
    const orphan = orphanEvery > 0 && orderNo % orphanEvery === 0;
    const cents = int(5, 200) * 10000 + (rng() < 0.3 ? int(1, 99) * 100 : 0) + (rng() < 0.1 ? int(1, 99) : 0);
    const receivedCents = rng() < 0.85 ? cents : Math.round(cents * (0.5 + rng() * 0.45));
    const date = randomDay();
    const own = customersByRep[rep];
    const customer = own.length > 0 && rng() < 0.9 ? own[Math.floor(rng() * own.length)] : Math.floor(rng() * customerCount);
    const roll = rng();
    const fullyRefunded = roll < 0.01;
    const cells: Cells = {
      [F.orders.number]: number,
      [F.orders.rep]: orphan ? null : repLink(rep),
      [F.orders.date]: date,
      [F.orders.amount]: yuan(cents),
      [F.orders.received]: yuan(receivedCents),
      [F.orders.quantity]: int(1, 12),
      [F.orders.customer]: [{id: customerRecords[customer].id, name: customerNames[customer]}],
      [F.orders.status]: fullyRefunded ? statusChoices[1] : statusChoices[0],
    };
    orderRecords.push(record(id, cells));
    if (!orphan) salesByRep[rep] += cents;
    // A refund is its own row with negative amounts; a full refund cancels the order exactly.
    if ((fullyRefunded || roll > 0.975) && orderRecords.length < orderCount) {
      const refundCents = fullyRefunded ? cents : Math.round(cents * (0.1 + rng() * 0.4));
      const refund = nextOrderId();
      orderRecords.push(
        record(refund.id, {
          [F.orders.number]: `${number}-R`,
          [F.orders.rep]: orphan ? null : repLink(rep),
          [F.orders.date]: date < months[monthCount - 1] ? randomDayAfter(date) : date,
          [F.orders.amount]: -yuan(refundCents),
          [F.orders.received]: -yuan(Math.min(refundCents, receivedCents)),
          [F.orders.quantity]: fullyRefunded ? -(cells[F.orders.quantity] as number) : 0,
          [F.orders.customer]: cells[F.orders.customer],
          [F.orders.status]: statusChoices[1],
        }),
      );
      if (!orphan) salesByRep[rep] -= refundCents;
    }
  }
  function randomDayAfter(date: string): string {
    const later = randomDay();
    return later >= date ? later : date;
  }

  // --- Reviews, evaluations, teamwork -----------------------------------------------------------
  const reviewCount = Math.max(1, Math.round(orderCount / 5));
  const reviewRecords: RecordFixture[] = new Array(reviewCount);
  for (let r = 0; r < reviewCount; r++) {
    const rep = pickRep();
    const base = 2.5 + reps[rep].quality * 2.5 + (rng() - 0.5) * 2;
    const stars = Math.max(1, Math.min(5, Math.round(base)));
    reviewRecords[r] = record(`recRev${pad(r + 1, 6)}`, {
      [F.reviews.number]: `PJ${pad(r + 1, 6)}`,
      [F.reviews.rep]: repLink(rep),
      [F.reviews.date]: randomDay(),
      [F.reviews.satisfaction]: stars,
      [F.reviews.complaint]: stars <= 2 && rng() < 0.6,
      [F.reviews.positive]: stars >= 4,
    });
  }
  const evalRecords: RecordFixture[] = [];
  reps.forEach((rep, i) => {
    months.forEach((month) => {
      const n = evalRecords.length + 1;
      const skill = Math.max(1, Math.min(5, Math.round(2 + rep.activity + (rng() - 0.5) * 1.5)));
      const service = Math.max(1, Math.min(5, Math.round(1.5 + rep.quality * 3.5 + (rng() - 0.5) * 1.5)));
      evalRecords.push(
        record(`recEva${pad(n, 6)}`, {
          [F.evaluations.number]: `PF${pad(n, 6)}`,
          [F.evaluations.rep]: repLink(i),
          [F.evaluations.date]: `${month}-${pad(Math.min(28, 25 + (n % 4)), 2)}`,
          [F.evaluations.salesSkill]: skill,
          [F.evaluations.serviceQuality]: service,
        }),
      );
    });
  });
  const kindChoices = choices('Kind', ['信息分享', '推荐客户']);
  const teamworkCount = Math.round(repCount * monthCount * 1.5);
  const teamworkRecords: RecordFixture[] = new Array(teamworkCount);
  for (let k = 0; k < teamworkCount; k++) {
    teamworkRecords[k] = record(`recTwk${pad(k + 1, 6)}`, {
      [F.teamwork.number]: `XZ${pad(k + 1, 6)}`,
      [F.teamwork.rep]: repLink(pickRep()),
      [F.teamwork.date]: randomDay(),
      [F.teamwork.kind]: rng() < 0.65 ? kindChoices[0] : kindChoices[1],
    });
  }

  // --- Rep records (after orders: 销售额汇总 is the formula's value) ----------------------------
  const repRecords: RecordFixture[] = reps.map((rep, i) => {
    const joinedYear = rep.senior ? int(year - 6, year - 2) : year - 1;
    return record(rep.id, {
      [F.reps.name]: rep.name,
      [F.reps.upline]: rep.parent >= 0 ? repLink(rep.parent) : null,
      [F.reps.team]: teamChoices[rep.team],
      [F.reps.tier]: rep.senior ? tierChoices[1] : tierChoices[0],
      [F.reps.baseSalary]: (rep.senior ? 6000 : 4500) + int(0, 6) * 500 + (rep.level === 0 ? 3000 : 0),
      [F.reps.performancePayBase]: (rep.senior ? 3000 : 2000) + int(0, 4) * 250,
      [F.reps.joined]: `${joinedYear}-${pad(int(rep.senior ? 1 : 6, 12), 2)}-${pad(int(1, 28), 2)}`,
      [F.reps.salesTotal]: yuan(salesByRep[i]),
    });
  });

  if (options.messy) {
    addMessyRecords({reps, repRecords, orderRecords, reviewRecords, teamChoices, tierChoices, statusChoices, months});
  }

  const gradeChoices = choices('Grade', ['S', 'A', 'B', 'C', 'D']);
  const repFields = [
    field(F.reps.name, '姓名', 'singleLineText'),
    field(F.reps.upline, '上级', 'multipleRecordLinks', link(TABLE_IDS.reps)),
    field(F.reps.team, '团队', 'singleSelect', selectOptions(teamChoices)),
    field(F.reps.tier, '级别', 'singleSelect', selectOptions(tierChoices)),
    field(F.reps.baseSalary, '基本工资', 'currency', money()),
    field(F.reps.performancePayBase, '绩效工资基数', 'currency', money()),
    field(F.reps.joined, '入职日期', 'date', isoDate()),
    field(F.reps.salesTotal, '销售额汇总', 'formula', {
      isValid: true,
      referencedFieldIds: [],
      result: {type: 'currency', options: money()},
    }),
    field(F.reps.totalScore, '总分', 'number', {precision: 2}),
    field(F.reps.grade, '等级', 'singleSelect', selectOptions(gradeChoices)),
    field(F.reps.rank, '排名', 'number', {precision: 0}),
    field(F.reps.performancePay, '绩效工资', 'currency', money()),
    field(F.reps.bonus, '奖金', 'currency', money()),
    field(F.reps.teamBonus, '团队奖', 'currency', money()),
    field(F.reps.award, '冠军奖', 'currency', money()),
    field(F.reps.totalPay, '总收入', 'currency', money()),
    field(F.reps.honours, '荣誉', 'multilineText'),
    field(F.reps.breakdown, '绩效明细', 'multilineText'),
    field(F.reps.feedback, '反馈', 'multilineText'),
    field(F.reps.calculatedAt, '计算时间', 'singleLineText'),
  ];

  return {
    base: {
      id: 'appDemoDirectSales',
      name: '直销业绩演示',
      color: 'blue',
      workspaceId: 'wspDemo',
      collaborators: [
        {id: 'usrDemoManager', email: 'manager@demo.example', name: '王经理', isActive: true},
        {id: 'usrDemoFinance', email: 'finance@demo.example', name: '李会计', isActive: true},
      ],
      tables: [
        makeTable(TABLE_IDS.reps, '销售人员', repFields, repRecords),
        makeTable(
          TABLE_IDS.orders,
          '订单',
          [
            field(F.orders.number, '订单号', 'singleLineText'),
            field(F.orders.rep, '销售人员', 'multipleRecordLinks', link(TABLE_IDS.reps)),
            field(F.orders.date, '下单日期', 'date', isoDate()),
            field(F.orders.amount, '订单金额', 'currency', money()),
            field(F.orders.received, '实际到账金额', 'currency', money()),
            field(F.orders.quantity, '数量', 'number', {precision: 0}),
            field(F.orders.customer, '客户', 'multipleRecordLinks', link(TABLE_IDS.customers)),
            field(F.orders.status, '状态', 'singleSelect', selectOptions(statusChoices)),
          ],
          orderRecords,
        ),
        makeTable(
          TABLE_IDS.customers,
          '客户',
          [
            field(F.customers.name, '客户名称', 'singleLineText'),
            field(F.customers.owner, '负责人', 'multipleRecordLinks', link(TABLE_IDS.reps)),
            field(F.customers.created, '创建日期', 'date', isoDate()),
            field(F.customers.region, '区域', 'singleSelect', selectOptions(regionChoices)),
            field(F.customers.source, '来源', 'singleSelect', selectOptions(sourceChoices)),
            field(F.customers.retained, '是否留存', 'checkbox', checkbox()),
          ],
          customerRecords,
        ),
        makeTable(
          TABLE_IDS.reviews,
          '客户评价',
          [
            field(F.reviews.number, '评价编号', 'singleLineText'),
            field(F.reviews.rep, '销售人员', 'multipleRecordLinks', link(TABLE_IDS.reps)),
            field(F.reviews.date, '评价日期', 'date', isoDate()),
            field(F.reviews.satisfaction, '满意度', 'rating', rating()),
            field(F.reviews.complaint, '是否投诉', 'checkbox', checkbox()),
            field(F.reviews.positive, '好评', 'checkbox', checkbox()),
          ],
          reviewRecords,
        ),
        makeTable(
          TABLE_IDS.evaluations,
          '经理评分',
          [
            field(F.evaluations.number, '评分编号', 'singleLineText'),
            field(F.evaluations.rep, '销售人员', 'multipleRecordLinks', link(TABLE_IDS.reps)),
            field(F.evaluations.date, '评分日期', 'date', isoDate()),
            field(F.evaluations.salesSkill, '销售技巧', 'rating', rating()),
            field(F.evaluations.serviceQuality, '服务质量', 'rating', rating()),
          ],
          evalRecords,
        ),
        makeTable(
          TABLE_IDS.teamwork,
          '团队协作',
          [
            field(F.teamwork.number, '记录编号', 'singleLineText'),
            field(F.teamwork.rep, '销售人员', 'multipleRecordLinks', link(TABLE_IDS.reps)),
            field(F.teamwork.date, '日期', 'date', isoDate()),
            field(F.teamwork.kind, '类型', 'singleSelect', selectOptions(kindChoices)),
          ],
          teamworkRecords,
        ),
      ],
    },
  };
}

interface MessyInput {
  reps: Rep[];
  repRecords: RecordFixture[];
  orderRecords: RecordFixture[];
  reviewRecords: RecordFixture[];
  teamChoices: Choice[];
  tierChoices: Choice[];
  statusChoices: Choice[];
  months: string[];
}

/** Appends issue 6's bad records; every one is named in MESSY_IDS. */
function addMessyRecords(input: MessyInput): void {
  const {reps, repRecords, orderRecords, reviewRecords, teamChoices, tierChoices, statusChoices, months} = input;
  const F = FIELD_IDS;
  const M = MESSY_IDS;
  const first = reps[0];
  const firstLink = [{id: first.id, name: first.name}];
  const day = `${months[0]}-15`;
  const rep = (id: string, name: string, upline: {id: string; name: string} | null, extra: Cells = {}): RecordFixture =>
    record(id, {
      [F.reps.name]: name,
      [F.reps.upline]: upline ? [upline] : null,
      [F.reps.team]: teamChoices[0],
      [F.reps.tier]: tierChoices[0],
      [F.reps.baseSalary]: 5000,
      [F.reps.performancePayBase]: 2000,
      [F.reps.joined]: `${months[0]}-02`,
      [F.reps.salesTotal]: 0,
      ...extra,
    });
  const [a, b, c] = M.cycle;
  repRecords.push(
    rep(M.selfUpline, '自环测试', {id: M.selfUpline, name: '自环测试'}),
    rep(a, '循环甲', {id: b, name: '循环乙'}),
    rep(b, '循环乙', {id: c, name: '循环丙'}),
    rep(c, '循环丙', {id: a, name: '循环甲'}),
    rep(M.ghostUpline, '孤儿下线', {id: M.deletedRep, name: '已离职'}),
    rep(M.duplicateName, first.name, firstLink[0]),
    rep(M.intern, '实习生小周', firstLink[0], {[F.reps.tier]: tierChoices[2], [F.reps.baseSalary]: null}),
  );
  const order = (id: string, cells: Cells): RecordFixture =>
    record(id, {
      [F.orders.number]: id.replace('recMessy', 'BAD-'),
      [F.orders.rep]: firstLink,
      [F.orders.date]: day,
      [F.orders.amount]: 1000,
      [F.orders.received]: 1000,
      [F.orders.quantity]: 1,
      [F.orders.customer]: null,
      [F.orders.status]: statusChoices[0],
      ...cells,
    });
  orderRecords.push(
    order(M.textAmount, {[F.orders.amount]: '一千二百'}),
    order(M.emptyAmount, {[F.orders.amount]: null, [F.orders.received]: null}),
    order(M.hugeAmount, {[F.orders.amount]: 1e15, [F.orders.received]: 1e15}),
    order(M.manyDecimals, {[F.orders.amount]: 1234.56789123, [F.orders.received]: 1234.56789123}),
    order(M.noDate, {[F.orders.date]: null}),
    order(M.outsidePeriods, {[F.orders.date]: '2062-06-15'}),
    order(M.twoReps, {[F.orders.rep]: [...firstLink, {id: reps[Math.min(1, reps.length - 1)].id, name: reps[Math.min(1, reps.length - 1)].name}]}),
  );
  const review = (id: string, stars: number | null): RecordFixture =>
    record(id, {
      [F.reviews.number]: id.replace('recMessy', 'BAD-'),
      [F.reviews.rep]: firstLink,
      [F.reviews.date]: day,
      [F.reviews.satisfaction]: stars,
      [F.reviews.complaint]: false,
      [F.reviews.positive]: false,
    });
  reviewRecords.push(review(M.ratingOutOfScale, 7), review(M.emptyRating, null));
}
