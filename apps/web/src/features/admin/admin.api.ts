import {
  ActivationLink,
  CreatedUser,
  type CreateUserRequest,
  Department,
  type DepartmentInput,
  FactorList,
  type GrantRequest,
  PendingGrant,
  PendingStatusRequest,
  RecertifyAnswer,
  type Role,
  type UpdateUserRequest,
  UserDetail,
  UserSearchResult,
} from '@zemag/contracts';
import { z } from 'zod';
import type { ApiClient } from '../../api/api-client';
import { ImportReport, type ImportKind } from './import-report';

const V1 = '/api/v1';
const DepartmentList = z.object({ departments: z.array(Department) });
const PendingList = z.object({ pending: z.array(PendingGrant) });
const DueList = z.object({ due: z.array(PendingGrant) });
const StatusRequestList = z.object({ pending: z.array(PendingStatusRequest) });
const GrantAnswer = z.object({ status: z.enum(['pending', 'active']) });

const user = (id: string) => `${V1}/users/${encodeURIComponent(id)}`;
const grant = (id: string, role: Role) => `${user(id)}/grants/${encodeURIComponent(role)}`;

/** Every call the administration pages make; one place for the paths. */
export function adminApi(api: ApiClient) {
  return {
    departments: async () => (await api.get(`${V1}/departments`, DepartmentList)).departments,
    createDepartment: (input: DepartmentInput) => api.post(`${V1}/departments`, input, Department),
    updateDepartment: (id: string, input: DepartmentInput) =>
      api.put(`${V1}/departments/${encodeURIComponent(id)}`, input, Department),

    searchUsers: (query: string) => api.get(`${V1}/users?${query}`, UserSearchResult),
    user: (id: string) => api.get(user(id), UserDetail),
    createUser: (input: CreateUserRequest) => api.post(`${V1}/users`, input, CreatedUser),
    reissueActivationLink: (id: string) =>
      api.post(`${user(id)}/activation-link`, {}, ActivationLink),
    updateUser: (id: string, input: UpdateUserRequest) => api.patch(user(id), input, UserDetail),
    disableUser: (id: string, reason: string) =>
      api.post(`${user(id)}/disable`, { reason }, UserDetail),
    enableUser: (id: string) => api.post(`${user(id)}/enable`, {}, UserDetail),
    statusRequests: async () => (await api.get(`${V1}/status-requests`, StatusRequestList)).pending,
    confirmStatusRequest: (id: string) =>
      api.post(`${user(id)}/status-request/confirm`, {}, UserDetail),
    declineStatusRequest: (id: string, reason: string) =>
      api.post(`${user(id)}/status-request/decline`, { reason }, UserDetail),

    grantRole: (id: string, request: GrantRequest) =>
      api.post(`${user(id)}/grants`, request, GrantAnswer),
    confirmGrant: (id: string, role: Role) => api.send('POST', `${grant(id, role)}/confirm`, {}),
    declineGrant: (id: string, role: Role, reason: string) =>
      api.send('POST', `${grant(id, role)}/decline`, { reason }),
    revokeGrant: (id: string, role: Role, reason: string) =>
      api.send('POST', `${grant(id, role)}/revoke`, { reason }),
    recertifyGrant: (id: string, role: Role) =>
      api.post(`${grant(id, role)}/recertify`, {}, RecertifyAnswer),
    pendingGrants: async () => (await api.get(`${V1}/grants/pending`, PendingList)).pending,
    dueGrants: async () => (await api.get(`${V1}/grants/recertification-due`, DueList)).due,

    factors: (id: string) => api.get(`${user(id)}/factors`, FactorList),
    revokeFactor: (id: string, factorId: string) =>
      api.send('DELETE', `${user(id)}/factors/${encodeURIComponent(factorId)}`),

    importCsv: (kind: ImportKind, csv: string, dryRun: boolean) =>
      api.post(`${V1}/imports/${kind}`, { csv, dryRun }, ImportReport),
  };
}

export type AdminApi = ReturnType<typeof adminApi>;
