/**
 * Pseudo-relevance feedback, leave-one-out (weights.feedback).
 *
 * The `docs` candidates most similar to a query (by its own text similarity) lend it their
 * words: every candidate is scored again with the query widened by them — per group (terms,
 * concepts, bridge keys) the query's vector plus `weight / docs` × each feedback document's
 * vector, L2-normalised. A feedback document is scored with the query widened by the *other*
 * feedback documents only: it never votes for itself. (Widened by itself too, a need that no
 * listing answers got its three nearest listings scored against a query made largely of
 * themselves — ~0.5 for weak matches, which made the proposal cut-off dishonest.)
 *
 * The widened vectors are never built: each candidate's cosines come from dot products the
 * paths have at hand (the in-memory engine from its postings, the database path from the
 * candidates' packed vectors), with one arithmetic for both:
 *   cos(q + s·Σᵢ fᵢ, d) = (q·d + s·Σᵢ fᵢ·d) / |q + s·Σᵢ fᵢ|
 *   |q + s·Σᵢ fᵢ|² = q·q + 2s·Σᵢ q·fᵢ + s²·Σᵢ Σₖ fᵢ·fₖ
 * where the sums leave out the candidate itself when it is a feedback document.
 */
import { dot, type DocVectors } from './score';

/** Dot products per vector group: terms, concepts, loanword / dictionary-bridge keys. */
export type GroupDots = [number, number, number];

export interface FeedbackSet {
  /** q·q per group: 1 where the query has entries, else 0 */
  qq: GroupDots;
  /** q·fᵢ per feedback document */
  qf: GroupDots[];
  /** fᵢ·fₖ per pair of feedback documents */
  ff: GroupDots[][];
  /** weight / number of feedback documents */
  share: number;
}

/**
 * The feedback documents: the `docs` candidates of highest own text similarity above 0, the
 * id breaking ties (every path picks the same ones).
 */
export function feedbackPicks<T extends { id: string; text: number }>(candidates: readonly T[], docs: number): T[] {
  if (docs <= 0) return [];
  return candidates
    .filter((c) => c.text > 0)
    .sort((a, b) => b.text - a.text || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, docs);
}

/** Dot products of two documents per group. */
export const groupDots = (a: DocVectors, b: DocVectors): GroupDots => [
  dot(a.terms, b.terms),
  dot(a.concepts, b.concepts),
  dot(a.loan, b.loan),
];

/** Per-group dot products and norms of one vector form (Maps here, packed.ts for stored vectors). */
export interface VectorOps<V> {
  dots: (a: V, b: V) => GroupDots;
  /** q·q per group: 1 where the (L2-normalised) vector has entries, else 0 */
  norms: (v: V) => GroupDots;
}

export const mapVectorOps: VectorOps<DocVectors> = {
  dots: groupDots,
  norms: (v) => [v.terms.size ? 1 : 0, v.concepts.size ? 1 : 0, v.loan.size ? 1 : 0],
};

/** What every candidate's widened cosines share: the query's and the feedback documents' dot products. */
export function feedbackSet<V>(q: V, feedback: readonly V[], weight: number, ops: VectorOps<V>): FeedbackSet {
  return {
    qq: ops.norms(q),
    qf: feedback.map((f) => ops.dots(q, f)),
    ff: feedback.map((a) => feedback.map((b) => ops.dots(a, b))),
    share: feedback.length ? weight / feedback.length : 0,
  };
}

/**
 * A candidate's cosines with the widened query, per group. `qd` = q·d, `fd[i]` = fᵢ·d, `self` =
 * the candidate's position among the feedback documents (-1 when it is not one of them).
 */
export function widenedCosines(qd: GroupDots, fd: readonly GroupDots[], self: number, fb: FeedbackSet): GroupDots {
  const out: GroupDots = [0, 0, 0];
  const s = fb.share;
  for (let g = 0; g < 3; g++) {
    let num = qd[g];
    let norm = fb.qq[g];
    for (let i = 0; i < fb.qf.length; i++) {
      if (i === self) continue;
      num += s * (fd[i]?.[g] ?? 0);
      norm += 2 * s * fb.qf[i][g];
      for (let k = 0; k < fb.qf.length; k++) if (k !== self) norm += s * s * fb.ff[i][k][g];
    }
    out[g] = norm > 0 ? num / Math.sqrt(norm) : 0;
  }
  return out;
}
