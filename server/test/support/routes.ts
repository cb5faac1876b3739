import type { App } from '../../src/http/app.js';

export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const METHODS: readonly RouteMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export interface RouteInfo {
  method: RouteMethod;
  /** OpenAPI form: /api/orders/{id} */
  path: string;
  hasBody: boolean;
  queryParams: string[];
  pathParams: string[];
}

interface OpenApiOperation {
  requestBody?: unknown;
  parameters?: { in: string; name: string }[];
}

/** Every API route, read from the OpenAPI document that the route schemas generate. */
export async function listApiRoutes(app: App): Promise<RouteInfo[]> {
  await app.http.ready();
  const spec = app.http.swagger() as { paths: Record<string, Record<string, OpenApiOperation>> };
  const routes: RouteInfo[] = [];
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [key, op] of Object.entries(ops)) {
      const method = METHODS.find((m) => m === key.toUpperCase());
      if (!method) continue;
      const params = op.parameters ?? [];
      routes.push({
        method,
        path,
        hasBody: op.requestBody !== undefined,
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
      });
    }
  }
  return routes;
}

export const routeKey = (r: Pick<RouteInfo, 'method' | 'path'>) => `${r.method} ${r.path}`;

/** Row counts of every table: a refused request must leave them all as they were. */
export async function tableCounts(app: App): Promise<Record<string, number>> {
  const tables = await app.database.db.introspection.getTables();
  const counts: Record<string, number> = {};
  for (const t of tables) {
    if (t.name.startsWith('orders_fts') || t.name.startsWith('kysely_')) continue;
    const row = await app.database.db
      .selectFrom(t.name as 'orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[t.name] = Number(row.n);
  }
  return counts;
}
