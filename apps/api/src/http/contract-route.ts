import { Problem, type RouteContract } from '@zemag/contracts';

type Part<R, K extends string, As extends string> = R extends { [P in K]: infer S }
  ? { [P in As]: S }
  : unknown;

/** The Fastify schema of a contract: the type provider infers request and reply types from it. */
type ContractSchema<R extends RouteContract> = Part<R, 'params', 'params'> &
  Part<R, 'query', 'querystring'> &
  Part<R, 'body', 'body'> &
  Part<R, 'headers', 'headers'> & {
    tags: string[];
    summary: string;
    produces?: string[];
    security?: [];
    response: {
      [
        S in
          | R['status']
          | (R extends { alsoStatuses: readonly (infer A extends number)[] } ? A : never)
      ]: R['response'];
    } & {
      [S in R['problems'][number]]: typeof Problem;
    };
  };

/**
 * Route options from a contract in packages/contracts: method, path, access and the schemas.
 * Use as `app.route({ ...fromContract(contract), handler })`; add route-only options (such as
 * `bodyLimit`) beside it.
 */
export function fromContract<const R extends RouteContract>(contract: R) {
  const { params, query, body, headers, produces } = contract;
  const schema = {
    tags: [contract.tag],
    summary: contract.summary,
    ...(params && { params }),
    ...(query && { querystring: query }),
    ...(body && { body }),
    ...(headers && { headers }),
    ...(produces && { produces: [...produces] }),
    // Public routes need no session cookie (also set by access.ts; here for the OpenAPI file).
    ...(contract.access === 'public' && { security: [] }),
    response: {
      [contract.status]: contract.response,
      ...Object.fromEntries(
        (contract.alsoStatuses ?? []).map((status) => [status, contract.response]),
      ),
      ...Object.fromEntries(contract.problems.map((status) => [status, Problem])),
    },
  } as ContractSchema<R>;
  return {
    method: contract.method,
    url: contract.path,
    config: { permission: contract.access },
    schema,
  };
}
