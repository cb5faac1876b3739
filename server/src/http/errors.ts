import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

import type { ErrorCode } from '../shared/error-codes.js';
import { AppError } from '../shared/errors.js';

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    courier_messages?: readonly { code: string; text: string }[];
  };
}

const body = (code: ErrorCode, message: string): ErrorBody => ({ error: { code, message } });

/** Fastify's own client errors (bad JSON, wrong content type, too large) keep their status. */
const FASTIFY_CLIENT_ERRORS: Record<string, { status: number; code: ErrorCode; message: string }> =
  {
    FST_ERR_CTP_INVALID_JSON_BODY: {
      status: 400,
      code: 'malformed_json',
      message: 'The request body is not valid JSON.',
    },
    FST_ERR_CTP_EMPTY_JSON_BODY: {
      status: 400,
      code: 'malformed_json',
      message: 'The request body is empty; JSON was expected.',
    },
    FST_ERR_CTP_BODY_TOO_LARGE: {
      status: 413,
      code: 'body_too_large',
      message: 'The request body is too large.',
    },
    FST_ERR_CTP_INVALID_MEDIA_TYPE: {
      status: 415,
      code: 'unsupported_media_type',
      message: 'Send the request body as application/json.',
    },
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
      status: 400,
      code: 'bad_request',
      message: 'The Content-Length header does not match the body.',
    },
  };

/**
 * `notFoundFallback` may answer a request that matched no route (the dashboard's client-side
 * routes); when it returns undefined the request gets the 404 error.
 */
export function registerErrorHandling(
  app: FastifyInstance,
  notFoundFallback?: (req: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined,
): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      // Some refusals carry what the person can do next (the courier's words, the candidates).
      return reply
        .status(err.status)
        .send({ error: { ...body(err.code, err.message).error, ...err.bodyFields() } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const where = first?.instancePath
        ? `${err.validationContext ?? 'request'}${first.instancePath.replaceAll('/', '.')}`
        : (err.validationContext ?? 'request');
      return reply
        .status(400)
        .send(body('invalid_request', `${where}: ${first?.message ?? 'invalid value'}`));
    }
    const known = err.code ? FASTIFY_CLIENT_ERRORS[err.code] : undefined;
    if (known) return reply.status(known.status).send(body(known.code, known.message));
    if (
      err instanceof SyntaxError ||
      (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    ) {
      return reply.status(err.statusCode ?? 400).send(body('bad_request', err.message));
    }
    req.log.error({ err }, 'unhandled error');
    return reply
      .status(500)
      .send(body('internal', 'Something went wrong on the server. It has been logged.'));
  });
  app.setNotFoundHandler(
    (req, reply) =>
      notFoundFallback?.(req, reply) ??
      reply
        .status(404)
        .send(body('route_not_found', `No route ${req.method} ${req.url.split('?')[0]}.`)),
  );
}
