import { describe, expect, it } from 'vitest';
import { mapVectorOps } from './feedback';
import { decodePacked, encodePacked, keyId, packedVectorOps, packVectors, sharedWith } from './packed';
import type { DocVectors } from './score';

const vectors = (
  t: Record<string, number>,
  c: Record<string, number> = {},
  l: Record<string, number> = {},
): DocVectors => ({
  terms: new Map(Object.entries(t)),
  concepts: new Map(Object.entries(c)),
  loan: new Map(Object.entries(l)),
});

const need = vectors({ 鋳造: 0.6, porosity: 0.48, x線ct: 0.64 }, { 'casting-defect': 1 }, { porosity: 0.8, cast: 0.6 });
const seed = vectors({ porosity: 0.8, casting: 0.6 }, { 'casting-defect': 0.6, ndt: 0.8 }, { porosity: 1 });

describe('packed vectors', () => {
  it('give the same dot products and norms as the vectors they pack, stored or in memory', () => {
    const stored = decodePacked(encodePacked(seed));
    const query = packVectors(need);
    const want = mapVectorOps.dots(need, seed);
    const got = packedVectorOps.dots(query, stored);
    for (const g of [0, 1, 2]) expect(got[g]).toBeCloseTo(want[g], 6);
    expect(want[1]).toBeCloseTo(0.6, 9); // the fixture shares something in every group
    expect(packedVectorOps.norms(stored)).toEqual(mapVectorOps.norms(seed));
    expect(packedVectorOps.norms(packVectors(vectors({ a: 1 })))).toEqual([1, 0, 0]);
  });

  it('keep every entry, its key and its weight to float32 precision', () => {
    const stored = decodePacked(encodePacked(need));
    expect([...stored[0].ids]).toEqual([...need.terms.keys()].map(keyId).sort((a, b) => a - b));
    expect(stored.map((g) => g.ids.length)).toEqual([3, 1, 2]);
    for (const [k, w] of need.terms) {
      const at = stored[0].ids.indexOf(keyId(k));
      expect(stored[0].weights[at]).toBeCloseTo(w, 7);
    }
  });

  it('give back, by the other side’s key texts, the entries both sides have (what reasons compare)', () => {
    const shared = sharedWith(decodePacked(encodePacked(seed)), packVectors(need));
    expect([...shared.terms.keys()]).toEqual(['porosity']);
    expect(shared.terms.get('porosity')).toBeCloseTo(0.8, 7);
    expect([...shared.concepts.keys()]).toEqual(['casting-defect']);
    expect([...shared.loan.keys()]).toEqual(['porosity']);
  });

  it('read bytes at any offset (a driver may hand a slice of a larger buffer)', () => {
    const bytes = encodePacked(seed);
    const shifted = new Uint8Array(bytes.byteLength + 3);
    shifted.set(bytes, 3);
    const got = decodePacked(shifted.subarray(3));
    expect(packedVectorOps.dots(got, got)[0]).toBeCloseTo(1, 6);
    expect(() => decodePacked(bytes.subarray(0, bytes.byteLength - 4))).toThrow(/length/);
  });

  it('name keys by a 53-bit hash that tells apart close keys of both scripts', () => {
    const keys = ['cast', 'casting', 'casts', 'キャスト', '鋳造', '鋳造品', 'porosity', 'porosit', 'x線ct', 'X線CT'];
    const ids = keys.map(keyId);
    expect(new Set(ids).size).toBe(keys.length);
    for (const id of ids) expect(Number.isSafeInteger(id) && id >= 0).toBe(true);
    expect(keyId('cast')).toBe(keyId('cast'));
  });
});
