import {
  activationContract,
  type CreateUserRequest,
  type DepartmentInput,
  departmentsContract as departments,
  type GrantRequest,
  grantsContract as grants,
  importsContract as imports,
  mfaContract as mfa,
  type Role,
  type UpdateUserRequest,
  type UserSearchQuery,
  usersContract as users,
} from '@zemag/contracts';
import type { z } from 'zod';
import type { ApiClient } from '../../api/api-client';
import type { ImportKind } from './import-report';

const byId = (id: string) => ({ params: { id } });
const byGrant = (id: string, role: Role) => ({ params: { id, role } });

/** Every call the administration pages make, by their contracts in packages/contracts. */
export function adminApi(api: ApiClient) {
  return {
    departments: async () => (await api.call(departments.list)).departments,
    createDepartment: (input: DepartmentInput) => api.call(departments.create, { body: input }),
    updateDepartment: (id: string, input: DepartmentInput) =>
      api.call(departments.update, { ...byId(id), body: input }),

    /** `query`: the search part of the URL, as user-filter.ts builds it. */
    searchUsers: (query: string) =>
      api.call(users.search, {
        query: Object.fromEntries(new URLSearchParams(query)) as z.input<typeof UserSearchQuery>,
      }),
    user: (id: string) => api.call(users.get, byId(id)),
    createUser: (input: CreateUserRequest) => api.call(users.create, { body: input }),
    reissueActivationLink: (id: string) => api.call(activationContract.reissue, byId(id)),
    updateUser: (id: string, input: UpdateUserRequest) =>
      api.call(users.update, { ...byId(id), body: input }),
    disableUser: (id: string, reason: string) =>
      api.call(users.disable, { ...byId(id), body: { reason } }),
    enableUser: (id: string) => api.call(users.enable, byId(id)),
    statusRequests: async () => (await api.call(users.statusRequests)).pending,
    confirmStatusRequest: (id: string) => api.call(users.confirmStatusRequest, byId(id)),
    declineStatusRequest: (id: string, reason: string) =>
      api.call(users.declineStatusRequest, { ...byId(id), body: { reason } }),

    grantRole: (id: string, request: GrantRequest) =>
      api.call(grants.grant, { ...byId(id), body: request }),
    confirmGrant: (id: string, role: Role) => api.call(grants.confirm, byGrant(id, role)),
    declineGrant: (id: string, role: Role, reason: string) =>
      api.call(grants.decline, { ...byGrant(id, role), body: { reason } }),
    revokeGrant: (id: string, role: Role, reason: string) =>
      api.call(grants.revoke, { ...byGrant(id, role), body: { reason } }),
    recertifyGrant: (id: string, role: Role) => api.call(grants.recertify, byGrant(id, role)),
    pendingGrants: async () => (await api.call(grants.listPending)).pending,
    dueGrants: async () => (await api.call(grants.listDue)).due,

    factors: (id: string) => api.call(mfa.userFactors, byId(id)),
    revokeFactor: (id: string, factorId: string) =>
      api.call(mfa.revokeUserFactor, { params: { id, factorId } }),

    importCsv: (kind: ImportKind, csv: string, dryRun: boolean) =>
      api.call(kind === 'departments' ? imports.importDepartments : imports.importUsers, {
        body: { csv, dryRun },
      }),
  };
}

export type AdminApi = ReturnType<typeof adminApi>;
