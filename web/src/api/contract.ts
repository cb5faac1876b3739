/**
 * The thin typed layer over the generated contract (`generated/schema.ts`, from the server's
 * OpenAPI by `npm run api:gen`): a route's JSON answer and body by its path and method, so
 * the dashboard's types are the server's zod schemas and cannot drift from them.
 */
import type { paths } from './generated/schema';

export type { ErrorCode, StoreCauseCode } from './generated/error-codes';
export { ERROR_CODES, STORE_CAUSE_CODES } from './generated/error-codes';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Op<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

/** The JSON answer of `M P` with status `S` (200 unless told). */
export type ApiJson<P extends keyof paths, M extends Method, S extends number = 200> =
  Op<P, M> extends { responses: infer R }
    ? S extends keyof R
      ? R[S] extends { content: { 'application/json': infer J } }
        ? J
        : never
      : never
    : never;

/** The JSON body `M P` takes. */
export type ApiBody<P extends keyof paths, M extends Method> =
  Op<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

/** The query parameters `M P` takes. */
export type ApiQuery<P extends keyof paths, M extends Method> =
  Op<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
