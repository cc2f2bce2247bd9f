/** The part of autocannon 9's API that scripts/loadtest.ts uses (the package ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  /** One request as autocannon builds it; `setupRequest` may change it before each send. */
  export type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string };

  export type Options = {
    url: string;
    /** Each connection sends these in turn; a request without `path` goes to `url`'s. */
    requests?: Array<Request & { setupRequest?: (request: Request, context: Record<string, unknown>) => Request }>;
    connections?: number;
    duration?: number;
    timeout?: number;
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
  };

  export type Histogram = { average: number; mean: number; min: number; max: number; p50: number; p90: number; p99: number };

  export type Result = {
    requests: Histogram & { total: number };
    latency: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    /** Answers per HTTP status code. */
    statusCodeStats: Record<string, { count: number }>;
  };

  export type Instance = EventEmitter & {
    on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): Instance;
    on(event: 'reqError', listener: (error: Error) => void): Instance;
  };

  export default function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): Instance;
}
