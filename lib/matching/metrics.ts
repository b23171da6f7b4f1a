/**
 * OFFLINE ONLY (evaluation: tests and scripts/match-eval*): the live path is represent → store →
 * retrieve → score → reasons → proposals; `npm run deps` keeps app/, components/ and lib/ from importing this.
 *
 * Offline ranking metrics, identical to shared/data/score-eval.mjs:
 *   nDCG@10  gain = grade (2, 1, unlisted 0), discount 1/log2(rank+1), ideal from all judgments
 *   R@10(g2) share of the need's grade-2 seeds in the top 10 (0 if it has none)
 *   MRR(g2)  1/rank of the first grade-2 seed in the whole list (0 if none)
 * Per need, then averaged by need language and overall. Missing needs score 0; duplicate
 * seed ids keep their first position; unknown seed ids count as grade 0.
 */
export interface Judgment {
  needId: string;
  seedId: string;
  grade: number;
}

export type Run = Record<string, string[]>;

export interface NeedMetrics {
  needId: string;
  lang: string;
  ndcg: number;
  recall: number;
  mrr: number;
}

export interface GroupMetrics {
  n: number;
  ndcg10: number;
  recall10g2: number;
  mrr: number;
}

export const K = 10;

const dcg = (gains: number[]) => gains.slice(0, K).reduce((acc, g, i) => acc + g / Math.log2(i + 2), 0);

export function evaluateRun(
  needs: ReadonlyArray<{ id: string; lang?: string | null }>,
  judgments: readonly Judgment[],
  run: Run,
): { perNeed: NeedMetrics[]; groups: Record<string, GroupMetrics> } {
  const qrels = new Map<string, Map<string, number>>(needs.map((n) => [n.id, new Map()]));
  for (const j of judgments) qrels.get(j.needId)?.set(j.seedId, j.grade);
  const perNeed = needs.map((need): NeedMetrics => {
    const rel = qrels.get(need.id) ?? new Map<string, number>();
    const ranked = Array.isArray(run[need.id]) ? run[need.id] : [];
    const list = [...new Set(ranked)];
    const gains = list.map((id) => rel.get(id) ?? 0);
    const ideal = [...rel.values()].sort((a, b) => b - a);
    const idcg = dcg(ideal);
    const ndcg = idcg > 0 ? dcg(gains) / idcg : 0;
    const g2 = [...rel.entries()].filter(([, g]) => g === 2).map(([id]) => id);
    const top = new Set(list.slice(0, K));
    const recall = g2.length ? g2.filter((id) => top.has(id)).length / g2.length : 0;
    const first = gains.indexOf(2);
    return { needId: need.id, lang: need.lang ?? '', ndcg, recall, mrr: first >= 0 ? 1 / (first + 1) : 0 };
  });
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const summarize = (rows: NeedMetrics[]): GroupMetrics => ({
    n: rows.length,
    ndcg10: mean(rows.map((r) => r.ndcg)),
    recall10g2: mean(rows.map((r) => r.recall)),
    mrr: mean(rows.map((r) => r.mrr)),
  });
  const groups: Record<string, GroupMetrics> = {};
  for (const lang of [...new Set(perNeed.map((r) => r.lang))].sort())
    groups[lang] = summarize(perNeed.filter((r) => r.lang === lang));
  groups.overall = summarize(perNeed);
  return { perNeed, groups };
}

export function formatGroups(groups: Record<string, GroupMetrics>): string {
  const f = (x: number) => x.toFixed(3);
  const lines = ['group     needs  nDCG@10  R@10(g2)  MRR(g2)'];
  for (const [name, g] of Object.entries(groups)) {
    lines.push(
      `${name.padEnd(8)}  ${String(g.n).padStart(5)}  ${f(g.ndcg10).padStart(7)}  ${f(g.recall10g2).padStart(8)}  ${f(g.mrr).padStart(7)}`,
    );
  }
  return lines.join('\n');
}
