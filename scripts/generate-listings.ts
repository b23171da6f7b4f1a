/**
 * Fills a database with realistic mixed ja/en needs and seeds for benchmarks:
 *   DATABASE_URL=postgres://…/cm_bench npx tsx scripts/generate-listings.ts [--seeds 100000] [--needs 20000] [--reset]
 * Text comes from templates and the bilingual glossary (lib/matching/glossary-data); search
 * text from the same builder the app uses (lib/listings/search-text). Generated organisations
 * are named "Gen …" so --reset can remove everything this script made. Deterministic (seeded RNG).
 */
import { sql } from 'drizzle-orm';
import { closeDb, getDb } from '@/db';
import { clusters, organisationClusters, organisations, users } from '@/db/schema/accounts';
import { ipRecords, needs, seeds } from '@/db/schema/listings';
import { getGlossary, type GlossaryEntry } from '@/lib/matching/glossary';
import { buildSearchText } from '@/lib/listings/search-text';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SEEDS = arg('seeds', 100_000);
const NEEDS = arg('needs', 20_000);
const SME_ORGS = arg('smes', 1500);
const RESEARCH_ORGS = arg('labs', 300);
const BATCH = 1000;

// mulberry32: small deterministic RNG so runs are comparable
let state = arg('rng', 20261124) >>> 0;
const rand = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
const chance = (p: number) => rand() < p;

const PREFECTURES = [
  'Hokkaido',
  'Miyagi',
  'Ibaraki',
  'Saitama',
  'Chiba',
  'Tokyo',
  'Kanagawa',
  'Niigata',
  'Toyama',
  'Ishikawa',
  'Nagano',
  'Gifu',
  'Shizuoka',
  'Aichi',
  'Mie',
  'Shiga',
  'Kyoto',
  'Osaka',
  'Hyogo',
  'Nara',
  'Okayama',
  'Hiroshima',
  'Yamaguchi',
  'Tokushima',
  'Kagawa',
  'Ehime',
  'Fukuoka',
  'Saga',
  'Nagasaki',
  'Kumamoto',
  'Oita',
  'Kagoshima',
  'Okinawa',
];
const DOMAINS = ['manufacturing', 'it', 'biotech', 'environment_energy'] as const;
type Domain = (typeof DOMAINS)[number];
const INDUSTRY_EN: Record<Domain, string[]> = {
  manufacturing: [
    'automotive parts plant',
    'precision machining shop',
    'metal stamping line',
    'injection moulding factory',
    'foundry',
  ],
  it: ['wholesale business', 'logistics centre', 'regional retailer', 'software house', 'call centre'],
  biotech: [
    'food processing plant',
    'diagnostics start-up',
    'fermentation brewery',
    'cosmetics maker',
    'agricultural cooperative',
  ],
  environment_energy: ['ceramics kiln works', 'paper mill', 'plating shop', 'greenhouse farm', 'waste recycling yard'],
};
const INDUSTRY_JA: Record<Domain, string[]> = {
  manufacturing: ['自動車部品工場', '精密加工工場', 'プレス加工ライン', '射出成形工場', '鋳造工場'],
  it: ['卸売業', '物流センター', '地域小売業', 'ソフトウェア会社', 'コールセンター'],
  biotech: ['食品加工工場', '診断薬ベンチャー', '醸造所', '化粧品メーカー', '農業協同組合'],
  environment_energy: ['窯業工場', '製紙工場', 'めっき工場', '施設園芸農家', 'リサイクル工場'],
};

const glossary = getGlossary();
const byDomain = new Map<Domain, GlossaryEntry[]>(DOMAINS.map((d) => [d, [] as GlossaryEntry[]]));
const general: GlossaryEntry[] = [];
for (const entry of glossary.entries.values()) {
  if (entry.domain === 'general') general.push(entry);
  else if (entry.en.length && entry.ja.length) byDomain.get(entry.domain as Domain)!.push(entry);
}
const concepts = (domain: Domain, n: number) =>
  Array.from({ length: n }, () => (chance(0.15) && general.length ? pick(general) : pick(byDomain.get(domain)!)));
const en = (e: GlossaryEntry) => pick(e.en);
const ja = (e: GlossaryEntry) => pick(e.ja);

function needText(domain: Domain, lang: 'ja' | 'en') {
  const [a, b, c, d] = concepts(domain, 4);
  const pct = int(10, 60);
  const pref = pick(PREFECTURES);
  if (lang === 'en') {
    return {
      title: pick([
        `Looking for ${en(a)} to improve ${en(b)}`,
        `Reducing cost of ${en(b)} with ${en(a)}`,
        `${en(a)} for our ${en(c)} process`,
      ]),
      summary: `At our ${pick(INDUSTRY_EN[domain])} in ${pref}, ${en(b)} causes about ${pct}% of rework. We want a practical ${en(a)} approach, ideally combined with ${en(c)} and ${en(d)}, with payback under ${int(2, 5)} years. Trials on our line are possible.`,
      keywords: [en(a), en(b), en(c)],
      prefecture: pref,
    };
  }
  return {
    title: pick([
      `${ja(a)}による${ja(b)}の改善`,
      `${ja(b)}のコスト削減に${ja(a)}を活用したい`,
      `${ja(c)}工程への${ja(a)}の導入`,
    ]),
    summary: `当社は${pref}の${pick(INDUSTRY_JA[domain])}で、${ja(b)}が原因の手直しが約${pct}%発生しています。${ja(a)}を活用し、${ja(c)}や${ja(d)}と組み合わせた実用的な解決策を求めています。投資回収は${int(2, 5)}年以内が目標で、当社ラインでの試験も可能です。`,
    keywords: [ja(a), ja(b), ja(c)],
    prefecture: pref,
  };
}

function seedText(domain: Domain, lang: 'ja' | 'en') {
  const [a, b, c] = concepts(domain, 3);
  const x = int(2, 10);
  if (lang === 'en') {
    return {
      title: pick([
        `${en(a)} technology for ${en(b)}`,
        `A new ${en(a)} method enabling ${en(b)}`,
        `High-efficiency ${en(b)} using ${en(a)}`,
      ]),
      summary: `Our laboratory has developed a ${en(a)} method that makes ${en(b)} ${x} times more efficient than conventional approaches. It has been validated at pilot scale and is suited to ${en(c)}. We seek companies for joint development and licensing.`,
      keywords: [en(a), en(b), en(c)],
      advantages: `${x}x efficiency; ${int(20, 70)}% lower running cost than existing ${en(b)} systems.`,
    };
  }
  return {
    title: pick([
      `${ja(b)}のための${ja(a)}技術`,
      `${ja(a)}を用いた高効率な${ja(b)}`,
      `新しい${ja(a)}手法による${ja(b)}`,
    ]),
    summary: `本研究室では、${ja(a)}により${ja(b)}を従来法の${x}倍に高効率化する手法を開発しました。パイロットスケールで実証済みで、${ja(c)}への応用に適しています。共同開発・ライセンスの相手先企業を求めています。`,
    keywords: [ja(a), ja(b), ja(c)],
    advantages: `従来の${ja(b)}と比べて効率${x}倍、運用コスト${int(20, 70)}%削減。`,
  };
}

const DAY = 86_400_000;
const lifecycle = () => {
  const r = rand();
  const status = r < 0.85 ? 'open' : r < 0.92 ? 'draft' : r < 0.97 ? 'pending_review' : 'closed';
  const publishedAt =
    status === 'open' || status === 'closed' ? new Date(Date.now() - int(0, 360) * DAY - int(0, DAY)) : null;
  const expiresAt = new Date((publishedAt?.getTime() ?? Date.now()) + 365 * DAY);
  return { status: status as 'open' | 'draft' | 'pending_review' | 'closed', publishedAt, expiresAt };
};

async function main() {
  const db = await getDb();
  if (process.argv.includes('--reset')) {
    console.log('removing earlier generated data…');
    await db.execute(
      sql`delete from ip_records where seed_id in (select s.id from seeds s join organisations o on o.id = s.organisation_id where o.name_en like 'Gen %')`,
    );
    await db.execute(
      sql`delete from seeds where organisation_id in (select id from organisations where name_en like 'Gen %')`,
    );
    await db.execute(
      sql`delete from needs where organisation_id in (select id from organisations where name_en like 'Gen %')`,
    );
    await db.execute(
      sql`delete from users where organisation_id in (select id from organisations where name_en like 'Gen %')`,
    );
    await db.execute(sql`delete from organisations where name_en like 'Gen %'`);
    await db.execute(sql`delete from clusters where slug like 'gen-%'`);
  }
  const started = Date.now();
  const clusterRows = await db
    .insert(clusters)
    .values(
      Array.from({ length: 19 }, (_, i) => {
        const region = pick(PREFECTURES);
        return {
          slug: `gen-${i}-${Date.now()}`,
          nameJa: `生成クラスター${i + 1}`,
          nameEn: `Gen cluster ${i + 1}`,
          regionJa: region,
          regionEn: region,
          domains: [pick(DOMAINS)],
        };
      }),
    )
    .returning({ id: clusters.id });

  async function makeOrgs(n: number, kinds: ('sme' | 'university' | 'research_institute' | 'tlo')[]) {
    const out: { orgId: string; userId: string }[] = [];
    for (let start = 0; start < n; start += BATCH) {
      const count = Math.min(BATCH, n - start);
      const orgs = await db
        .insert(organisations)
        .values(
          Array.from({ length: count }, (_, i) => ({
            kind: pick(kinds),
            nameJa: `生成組織${start + i}`,
            nameEn: `Gen org ${kinds[0]} ${start + i}`,
            prefecture: pick(PREFECTURES),
            verified: true,
          })),
        )
        .returning({ id: organisations.id, kind: organisations.kind });
      await db
        .insert(organisationClusters)
        .values(orgs.map((o) => ({ organisationId: o.id, clusterId: pick(clusterRows).id })));
      const people = await db
        .insert(users)
        .values(
          orgs.map((o) => ({
            email: `gen-${o.id}@generated.example`,
            name: `Generated ${o.kind}`,
            passwordHash: '$2b$04$TCdSKkIZfm3vXWFM/9gR5OLMyV72o24wHXNN.YHYRwurmYVa7hLja',
            role: o.kind === 'sme' ? ('sme' as const) : ('researcher' as const),
            organisationId: o.id,
            approved: true,
          })),
        )
        .returning({ id: users.id, organisationId: users.organisationId });
      out.push(...people.map((p) => ({ orgId: p.organisationId, userId: p.id })));
    }
    return out;
  }
  const smes = await makeOrgs(SME_ORGS, ['sme']);
  const labs = await makeOrgs(RESEARCH_ORGS, ['university', 'university', 'research_institute', 'tlo']);
  console.log(`organisations: ${smes.length} SMEs, ${labs.length} research organisations`);

  for (let start = 0; start < NEEDS; start += BATCH) {
    const values = Array.from({ length: Math.min(BATCH, NEEDS - start) }, () => {
      const owner = pick(smes);
      const domain = pick(DOMAINS);
      const language = chance(0.45) ? ('ja' as const) : ('en' as const);
      const text = needText(domain, language);
      const trlMin = int(2, 7);
      const anonymous = chance(0.15);
      return {
        organisationId: owner.orgId,
        createdBy: owner.userId,
        contactUserId: owner.userId,
        language,
        domain,
        ...text,
        ...lifecycle(),
        trlMin,
        trlMax: Math.min(9, trlMin + int(0, 3)),
        budgetMinJpy: chance(0.6) ? int(1, 50) * 100_000 : null,
        visibility: anonymous ? ('anonymous' as const) : chance(0.05) ? ('private' as const) : ('members' as const),
        anonymousLabel: anonymous
          ? language === 'ja'
            ? `${text.prefecture}の中小企業`
            : `An SME in ${text.prefecture}`
          : null,
        searchText: buildSearchText(text),
      };
    });
    await db.insert(needs).values(values);
    process.stdout.write(`\rneeds ${start + values.length}/${NEEDS}`);
  }
  console.log();
  const statuses = ['granted', 'filed', 'unpublished_application', 'expired'] as const;
  const terms = ['exclusive', 'non_exclusive', 'joint_research', 'assignment'] as const;
  for (let start = 0; start < SEEDS; start += BATCH) {
    const ips: { status: (typeof statuses)[number]; jurisdiction: string }[][] = [];
    const values = Array.from({ length: Math.min(BATCH, SEEDS - start) }, () => {
      const owner = pick(labs);
      const domain = pick(DOMAINS);
      const language = chance(0.4) ? ('ja' as const) : ('en' as const);
      const text = seedText(domain, language);
      const records = chance(0.7)
        ? Array.from({ length: int(1, 2) }, () => ({
            status: pick(statuses),
            jurisdiction: pick(['JP', 'US', 'EP', 'PCT', 'CN']),
          }))
        : [];
      ips.push(records);
      const order = ['granted', 'filed', 'unpublished_application', 'expired'];
      const ipStatus = records.length
        ? [...records].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status))[0].status
        : null;
      return {
        organisationId: owner.orgId,
        createdBy: owner.userId,
        contactUserId: owner.userId,
        language,
        domain,
        title: text.title,
        summary: text.summary,
        keywords: text.keywords,
        advantages: text.advantages,
        prefecture: pick(PREFECTURES),
        ...lifecycle(),
        trl: int(1, 9),
        licensing: [...new Set([pick(terms), ...(chance(0.4) ? [pick(terms)] : [])])],
        leadResearcher: language === 'ja' ? `研究者 ${int(1, 999)}` : `Prof. Researcher ${int(1, 999)}`,
        visibility: chance(0.15)
          ? ('public_teaser' as const)
          : chance(0.05)
            ? ('private' as const)
            : ('members' as const),
        ipStatus,
        searchText: buildSearchText({ ...text, ipTitles: records.length ? [text.title] : [] }),
      };
    });
    const inserted = await db.insert(seeds).values(values).returning({ id: seeds.id });
    const ipValues = inserted.flatMap((row, i) =>
      ips[i].map((r) => ({
        seedId: row.id,
        status: r.status,
        jurisdiction: r.jurisdiction,
        title: values[i].title,
        number: r.status === 'granted' ? `${r.jurisdiction}${int(6_000_000, 7_999_999)}` : null,
      })),
    );
    if (ipValues.length) await db.insert(ipRecords).values(ipValues);
    process.stdout.write(`\rseeds ${start + values.length}/${SEEDS}`);
  }
  console.log();
  // vacuum too: index-only scans (the programme KPIs count listings from an index) need the visibility map
  await db.execute(sql`vacuum analyze needs`);
  await db.execute(sql`vacuum analyze seeds`);
  await db.execute(sql`analyze organisations`);
  console.log(`generated ${NEEDS} needs and ${SEEDS} seeds in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await closeDb();
}

await main();
