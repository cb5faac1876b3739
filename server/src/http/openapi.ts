import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { ERROR_CODES, STORE_CAUSE_CODES } from '../shared/error-codes.js';
import { REASON_CODES } from '../shared/reasons.js';

/** OpenAPI generated from the same zod schemas that validate requests; UI at /api/docs. */
export async function registerOpenApi(http: FastifyInstance): Promise<void> {
  await http.register(swagger, {
    openapi: {
      info: { title: 'ecomdir API', version: '1' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ecomdir_session' } },
        // The error vocabulary is part of the contract: the dashboard's generated types read
        // these enums (`npm run api:gen`), and renders each code under `errors.<code>`.
        schemas: {
          ErrorCode: { type: 'string', enum: [...ERROR_CODES] },
          StoreCauseCode: { type: 'string', enum: [...STORE_CAUSE_CODES] },
          // Every reason code the server writes (shared/reasons.ts), rendered under `reasons.<code>`.
          ReasonCode: { type: 'string', enum: [...REASON_CODES] },
          ErrorBody: {
            type: 'object',
            required: ['error'],
            properties: {
              error: {
                type: 'object',
                required: ['code', 'message'],
                properties: {
                  code: { $ref: '#/components/schemas/ErrorCode' },
                  message: { type: 'string' },
                  cause_code: { $ref: '#/components/schemas/StoreCauseCode' },
                  // A courier's own refusal (code and words), shown as the courier said it.
                  courier_messages: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['code', 'text'],
                      properties: { code: { type: 'string' }, text: { type: 'string' } },
                    },
                  },
                },
              },
            },
          },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await http.register(swaggerUi, { routePrefix: '/api/docs' });
}
