export { ImportReport } from '@zemag/contracts';

export const IMPORT_KINDS = ['departments', 'users'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
