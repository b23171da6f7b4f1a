import { describe, expect, it } from 'vitest';
import { feedbackPicks, groupDots, widenedCosines, type FeedbackSet } from './feedback';
import type { DocVectors } from './score';

/** A random L2-normalised vector per group over a small vocabulary (so vectors overlap). */
function randomVectors(seed: number): DocVectors {
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
  const group = (prefix: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < 12; i++) if (next() < 0.5) m.set(`${prefix}${i}`, next());
    const norm = Math.sqrt([...m.values()].reduce((a, v) => a + v * v, 0));
    for (const [k, v] of m) m.set(k, v / norm);
    return m;
  };
  return { terms: group('t'), concepts: group('c'), loan: group('l') };
}

/** The widened query built explicitly: per group q + share × Σ feedback vectors, normalised. */
function widened(q: DocVectors, feedback: DocVectors[], share: number): DocVectors {
  const widen = (pick: (v: DocVectors) => Map<string, number>) => {
    const out = new Map(pick(q));
    for (const f of feedback) for (const [k, v] of pick(f)) out.set(k, (out.get(k) ?? 0) + share * v);
    const norm = Math.sqrt([...out.values()].reduce((a, v) => a + v * v, 0));
    for (const [k, v] of out) out.set(k, norm ? v / norm : 0);
    return out;
  };
  return { terms: widen((v) => v.terms), concepts: widen((v) => v.concepts), loan: widen((v) => v.loan) };
}

describe('widenedCosines', () => {
  const q = randomVectors(1);
  const picks = [randomVectors(2), randomVectors(3), randomVectors(4)];
  const share = 1 / 3;
  const fb: FeedbackSet = {
    qq: [1, 1, 1],
    qf: picks.map((f) => groupDots(q, f)),
    ff: picks.map((a) => picks.map((b) => groupDots(a, b))),
    share,
  };

  it('equals the cosine with the explicitly widened query for any other document', () => {
    for (let seed = 10; seed < 30; seed++) {
      const d = randomVectors(seed);
      const got = widenedCosines(
        groupDots(q, d),
        picks.map((f) => groupDots(f, d)),
        -1,
        fb,
      );
      const want = groupDots(widened(q, picks, share), d);
      for (const [i, g] of got.entries()) expect(g).toBeCloseTo(want[i], 12);
    }
  });

  it('scores a feedback document with the query widened by the others only', () => {
    picks.forEach((f, self) => {
      const got = widenedCosines(
        groupDots(q, f),
        picks.map((p) => groupDots(p, f)),
        self,
        fb,
      );
      const want = groupDots(
        widened(
          q,
          picks.filter((_, i) => i !== self),
          share,
        ),
        f,
      );
      for (const [i, g] of got.entries()) expect(g).toBeCloseTo(want[i], 12);
    });
  });

  it('is the plain cosine without feedback', () => {
    const d = randomVectors(42);
    const none: FeedbackSet = { qq: [1, 1, 1], qf: [], ff: [], share: 0 };
    expect(widenedCosines(groupDots(q, d), [], -1, none)).toEqual(groupDots(q, d));
  });
});

describe('feedbackPicks', () => {
  it('takes the most similar candidates above zero, the id breaking ties', () => {
    const picks = feedbackPicks(
      [
        { id: 'b', text: 0.4 },
        { id: 'a', text: 0.4 },
        { id: 'c', text: 0.9 },
        { id: 'd', text: 0 },
      ],
      3,
    );
    expect(picks.map((p) => p.id)).toEqual(['c', 'a', 'b']);
    expect(feedbackPicks([{ id: 'd', text: 0 }], 3)).toEqual([]);
    expect(feedbackPicks([{ id: 'c', text: 0.9 }], 0)).toEqual([]);
  });
});
