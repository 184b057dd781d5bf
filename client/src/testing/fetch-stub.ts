import { vi } from 'vitest';

/** Test-only: answers fetch calls from a table of handlers keyed by "METHOD /path". */
export interface StubRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  headers: Headers;
  body: unknown;
}

export interface StubAnswer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Answers at once, or later (a promise) to hold a request in flight. */
export type StubHandler = (req: StubRequest) => StubAnswer | Promise<StubAnswer>;

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  const isProblem = status >= 400 && body && typeof body === 'object' && !('error' in (body as object));
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': isProblem ? 'application/problem+json' : 'application/json',
      ...headers,
    },
  });
}

export function stubFetch(handlers: Record<string, StubHandler>) {
  const calls: StubRequest[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(request.url, window.location.origin);
    let body: unknown;
    const text = await request.text();
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const req: StubRequest = {
      method: request.method.toUpperCase(),
      path: url.pathname,
      search: url.searchParams,
      headers: request.headers,
      body,
    };
    calls.push(req);
    const handler = handlers[`${req.method} ${req.path}`];
    if (!handler) return jsonResponse(404, { title: 'Not Found', status: 404 });
    const answer = await handler(req);
    if (answer.status === 204) return new Response(null, { status: 204 });
    return jsonResponse(answer.status ?? 200, answer.body, answer.headers);
  });
  vi.stubGlobal('fetch', fn);
  return { fn, calls };
}
