// Minimal types for the parts of autocannon the benchmarks use (the package ships none).
declare module 'autocannon' {
  type Latency = { p50: number; p90: number; p97_5: number; p99: number; max: number; average: number };
  export type Result = {
    latency: Latency;
    requests: { total: number; average: number };
    non2xx: number;
    errors: number;
  };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    requests?: { method?: string; path: string }[];
  };
  /** With a callback it returns the running instance, whose 'response' event gives each response time (ms). */
  type Instance = {
    on(
      event: 'response',
      listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
    ): void;
  };
  function autocannon(options: Options): Promise<Result>;
  function autocannon(options: Options, done: (err: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
