import { z } from 'zod';
import { StatisticsQuery, StatisticsReport } from './statistics.schemas.js';
import { route } from './route.js';

/**
 * Statistics for the register office and the data protection officer (`statistics.read`).
 * The period is no personal data, so it goes in the address; every read is audited.
 */
const stats = { access: 'statistics.read', tag: 'statistics', problems: [400, 401, 403] } as const;

export const statisticsContract = {
  report: route({
    ...stats,
    method: 'GET',
    path: '/api/v1/statistics',
    summary: 'Counts of a period (reports, listings, persons, look-ups), counts below 5 withheld',
    query: StatisticsQuery,
    status: 200,
    response: StatisticsReport,
  }),
  csv: route({
    ...stats,
    method: 'GET',
    path: '/api/v1/statistics/export',
    summary: 'The same statistics as CSV (one line per count; withheld counts empty)',
    query: StatisticsQuery,
    status: 200,
    response: z.string(),
    produces: ['text/csv'],
  }),
};
