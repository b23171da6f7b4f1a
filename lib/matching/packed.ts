/**
 * Packed vectors: a document's stored vectors in binary (match_documents.packed), which the
 * database path reads for its ~120 candidates a query. As jsonb they cost Postgres its text
 * output (~2 kB a candidate) and this process JSON.parse plus a Map per group; packed, they are a
 * dozen bytes an entry read straight into typed arrays, and a dot product is a merge of two
 * sorted id arrays.
 *
 * A key is named by a 53-bit hash of its text (cyrb53), so there is no dictionary to keep in
 * step. Two keys of one group with the same hash would count as one key in a dot product: for a
 * million distinct keys that happens to any pair at all with probability ~10⁻⁵, and then only
 * matters where both meet in one query and one candidate.
 *
 * Layout (little-endian): four uint32 — the entry counts of terms, concepts and bridge keys, 0 —
 * then every entry's id (float64, ascending within its group), then every entry's weight
 * (float32, the stored six-digit weight), groups in that order.
 */
import type { VectorOps } from './feedback';
import type { DocVectors } from './score';

export interface PackedGroup {
  /** key ids, strictly ascending */
  ids: Float64Array;
  weights: Float32Array | Float64Array;
  /** the keys' texts, in memory only (a query's: packVectors) */
  keys?: string[];
}

/** Terms, concepts, bridge keys. */
export type PackedVectors = readonly [PackedGroup, PackedGroup, PackedGroup];

/** cyrb53 (a public-domain 53-bit string hash): an exact integer below 2⁵³. */
export function keyId(key: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A group's entries by ascending id (a shared hash, practically never seen, sums its weights). */
function entriesById(m: ReadonlyMap<string, number>): Array<[number, number, string]> {
  const sorted = [...m].map(([k, w]): [number, number, string] => [keyId(k), w, k]).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number, string]> = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] === e[0]) last[1] += e[1];
    else out.push(e);
  }
  return out;
}

const groupsOf = (v: DocVectors) => [v.terms, v.concepts, v.loan];

/** Vectors in memory (a query's), weights as computed, with their keys' texts. */
export function packVectors(v: DocVectors): PackedVectors {
  const [t, c, l] = groupsOf(v).map((m) => {
    const e = entriesById(m);
    return {
      ids: Float64Array.from(e, (x) => x[0]),
      weights: Float64Array.from(e, (x) => x[1]),
      keys: e.map((x) => x[2]),
    };
  });
  return [t, c, l];
}

const HEAD = 16;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The bytes stored in match_documents.packed. */
export function encodePacked(v: DocVectors): Uint8Array {
  const groups = groupsOf(v).map(entriesById);
  const n = groups.reduce((s, g) => s + g.length, 0);
  const view = new DataView(new ArrayBuffer(HEAD + 12 * n));
  for (const [i, g] of groups.entries()) view.setUint32(4 * i, g.length, true);
  let at = 0;
  for (const g of groups)
    for (const [id, w] of g) {
      view.setFloat64(HEAD + 8 * at, id, true);
      view.setFloat32(HEAD + 8 * n + 4 * at, w, true);
      at++;
    }
  return new Uint8Array(view.buffer);
}

/** Stored bytes back to vectors: views on the bytes where they are aligned, else one copy. */
export function decodePacked(bytes: Uint8Array): PackedVectors {
  if (bytes.byteLength < HEAD) throw new Error('packed vectors: truncated');
  const head = new DataView(bytes.buffer, bytes.byteOffset, HEAD);
  const counts = [0, 1, 2].map((i) => head.getUint32(4 * i, true));
  const n = counts[0] + counts[1] + counts[2];
  if (bytes.byteLength !== HEAD + 12 * n) throw new Error('packed vectors: wrong length');
  let ids: Float64Array;
  let weights: Float32Array;
  if (LITTLE_ENDIAN && bytes.byteOffset % 8 === 0) {
    ids = new Float64Array(bytes.buffer, bytes.byteOffset + HEAD, n);
    weights = new Float32Array(bytes.buffer, bytes.byteOffset + HEAD + 8 * n, n);
  } else {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    ids = Float64Array.from({ length: n }, (_, i) => view.getFloat64(HEAD + 8 * i, true));
    weights = Float32Array.from({ length: n }, (_, i) => view.getFloat32(HEAD + 8 * n + 4 * i, true));
  }
  const group = (from: number, count: number): PackedGroup => ({
    ids: ids.subarray(from, from + count),
    weights: weights.subarray(from, from + count),
  });
  return [group(0, counts[0]), group(counts[0], counts[1]), group(counts[0] + counts[1], counts[2])];
}

/** Σ a·b over the ids both groups hold (a merge of the sorted ids). */
export function packedDot(a: PackedGroup, b: PackedGroup): number {
  const ai = a.ids;
  const bi = b.ids;
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < ai.length && j < bi.length) {
    const x = ai[i];
    const y = bi[j];
    if (x === y) s += a.weights[i++] * b.weights[j++];
    else if (x < y) i++;
    else j++;
  }
  return s;
}

/**
 * `v`'s entries for the keys `q` has, by `q`'s key texts (`q` from packVectors): all that a
 * comparison of the two reads, e.g. a match's reasons.
 */
export function sharedWith(v: PackedVectors, q: PackedVectors): DocVectors {
  const [terms, concepts, loan] = [0, 1, 2].map((g) => {
    const out = new Map<string, number>();
    const a = v[g];
    const b = q[g];
    let i = 0;
    let j = 0;
    while (i < a.ids.length && j < b.ids.length) {
      if (a.ids[i] === b.ids[j]) out.set(b.keys![j++], a.weights[i++]);
      else if (a.ids[i] < b.ids[j]) i++;
      else j++;
    }
    return out;
  });
  return { terms, concepts, loan };
}

export const packedVectorOps: VectorOps<PackedVectors> = {
  dots: (a, b) => [packedDot(a[0], b[0]), packedDot(a[1], b[1]), packedDot(a[2], b[2])],
  norms: (v) => [v[0].ids.length ? 1 : 0, v[1].ids.length ? 1 : 0, v[2].ids.length ? 1 : 0],
};
