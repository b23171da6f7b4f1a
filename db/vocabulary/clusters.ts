// The values of clusters' enums, defined once (no imports; see accounts.ts).

/** Technology domains of a cluster and of a listing (DESIGN §1: the programme's four domains). */
export const domains = ['manufacturing', 'it', 'biotech', 'environment_energy'] as const;
export type Domain = (typeof domains)[number];

/** Programme phases: I 2001–05 network building, II 2006–10 growth, III 2011–20 independence. */
export const clusterPhases = ['I', 'II', 'III'] as const;
export type ClusterPhase = (typeof clusterPhases)[number];
