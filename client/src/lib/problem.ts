import type { SerializedError } from '@reduxjs/toolkit';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { ProblemDetails } from '@/types/api';

export type ApiError = FetchBaseQueryError | SerializedError | undefined | null;

function isFetchError(error: ApiError): error is FetchBaseQueryError {
  return !!error && typeof error === 'object' && 'status' in error;
}

/** The HTTP status of a failed call, or null for network/parse failures. */
export function errorStatus(error: ApiError): number | null {
  if (!isFetchError(error)) return null;
  return typeof error.status === 'number' ? error.status : null;
}

/** Reads RFC 7807 problem details out of an RTK Query error, if the server sent them. */
export function toProblem(error: ApiError): ProblemDetails | null {
  if (!isFetchError(error)) return null;
  const data = error.data;
  if (data && typeof data === 'object') {
    const problem = data as ProblemDetails;
    if ('title' in problem || 'detail' in problem || 'errors' in problem) {
      return { ...problem, status: problem.status ?? errorStatus(error) ?? undefined };
    }
  }
  return null;
}

/** `Email` / `email` / `$.email` / `user.Email` → `email`, so field errors match form names. */
export function normalizeField(name: string): string {
  const last = name.replace(/^\$\.?/, '').split('.').pop() ?? name;
  return last.charAt(0).toLowerCase() + last.slice(1);
}

/** Field errors from a problem's `errors` map, keyed by normalized field name. */
export function fieldErrors(problem: ProblemDetails | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!problem?.errors) return out;
  for (const [field, messages] of Object.entries(problem.errors)) {
    const key = normalizeField(field);
    const message = Array.isArray(messages) ? messages.filter(Boolean).join(' ') : String(messages);
    if (message) out[key] = out[key] ? `${out[key]} ${message}` : message;
  }
  return out;
}
