// Minimal types for the parts of autocannon the benchmark uses (the package ships none).
declare module 'autocannon' {
  type Latency = { p50: number; p90: number; p97_5: number; p99: number; max: number; average: number };
  type Result = { latency: Latency; requests: { total: number; average: number }; non2xx: number; errors: number };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    requests?: { method?: string; path: string }[];
  };
  export default function autocannon(options: Options): Promise<Result>;
}
