import { z } from 'zod';
import { DisplayName, NewPassword, Username } from './identity.schemas.js';
import { ROLES } from './roles.js';

/** Dienststelle code as used in the city's organisation chart, e.g. `32` or `32-2`. */
export const DepartmentCode = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/);

/**
 * A telephone number to call, as written in Germany: `0221 221-12345`, `+49 221 221-12345`,
 * `(0221) 221 12345`. Digits, spaces and `+ ( ) / -`, with 5 to 20 digits.
 */
export const TelephoneNumber = z
  .string()
  .trim()
  .refine(
    (v) => {
      const digits = v.replace(/\D/g, '').length;
      return v.length <= 40 && /^\+?[0-9(][0-9 ()/-]*[0-9]$/.test(v) && digits >= 5 && digits <= 20;
    },
    { message: 'a telephone number (digits, spaces and + ( ) / -; 5 to 20 digits)' },
  );

/** `tel:` form of a telephone number: `+49 221 221-12345` → `+4922122112345`. */
export function telephoneHref(number: string): string {
  return `tel:${number.trim().startsWith('+') ? '+' : ''}${number.replace(/\D/g, '')}`;
}

export const Department = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  contact: z.string().nullable(),
  /** Whom field staff call about a look-up answer; null only for departments from before it was required. */
  phone: z.string().nullable(),
  /** Staff of this department may be granted `field` (look-ups). */
  lookupAuthorised: z.boolean(),
  /** Why the department needs look-ups (documented for the DPO). */
  lookupAuthorisationReason: z.string().nullable(),
  userCount: z.number().int(),
});
export type Department = z.infer<typeof Department>;

export const DepartmentInput = z
  .object({
    code: DepartmentCode,
    name: z.string().trim().min(1).max(200),
    parentCode: DepartmentCode.nullable().default(null),
    contact: z.string().trim().max(500).nullable().default(null),
    phone: TelephoneNumber,
    lookupAuthorised: z.boolean().default(false),
    lookupAuthorisationReason: z.string().trim().max(1000).nullable().default(null),
  })
  .refine((d) => !d.lookupAuthorised || (d.lookupAuthorisationReason ?? '').length >= 10, {
    path: ['lookupAuthorisationReason'],
    message: 'required (at least 10 characters) when the department is authorised for look-ups',
  });
export type DepartmentInput = z.infer<typeof DepartmentInput>;

/** Roles whose grant a second administrator must confirm (four-eyes). */
export const FOUR_EYES_ROLES = [
  'registrar',
  'dpo',
  'admin',
] as const satisfies readonly (typeof ROLES)[number][];

/**
 * Separation of duties: pairs of roles one person may not hold together. The admin never sees
 * register content; the DPO who checks look-ups does not make them.
 */
export const INCOMPATIBLE_ROLES: readonly (readonly [
  (typeof ROLES)[number],
  (typeof ROLES)[number],
])[] = [
  ['admin', 'field'],
  ['admin', 'registrar'],
  ['admin', 'dpo'],
  ['admin', 'control_room'],
  ['dpo', 'field'],
  ['dpo', 'registrar'],
  ['dpo', 'control_room'],
];

export const GrantStatus = z.enum([
  'pending',
  'active',
  'expired',
  'inactive_department',
  // issue 11: re-certification overdue beyond the grace; revoked (the row is kept)
  'lapsed',
  'revoked',
]);
export type GrantStatus = z.infer<typeof GrantStatus>;

const PersonRef = z.object({ id: z.uuid(), displayName: z.string() });

export const Grant = z.object({
  role: z.enum(ROLES),
  /**
   * `pending`: waits for a second administrator; `expired`: past its end date;
   * `inactive_department`: a `field` grant while the department is not authorised.
   */
  status: GrantStatus,
  grantedBy: PersonRef.nullable(),
  grantedAt: z.iso.datetime(),
  confirmedBy: PersonRef.nullable(),
  confirmedAt: z.iso.datetime().nullable(),
  endsOn: z.iso.date().nullable(),
  recertifyBy: z.iso.date(),
});
export type Grant = z.infer<typeof Grant>;

export const GrantRequest = z.object({
  role: z.enum(ROLES),
  /** Last day the grant is valid (inclusive); none for an open-ended grant. */
  endsOn: z.iso.date().nullable().default(null),
});
export type GrantRequest = z.infer<typeof GrantRequest>;

export const UserSummary = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  department: z.object({ code: z.string(), name: z.string() }).nullable(),
  disabled: z.boolean(),
  roles: z.array(z.enum(ROLES)),
  pendingRoles: z.array(z.enum(ROLES)),
});
export type UserSummary = z.infer<typeof UserSummary>;

/** A request to disable or re-enable an account, waiting for a second person (four-eyes). */
export const StatusRequest = z.object({
  action: z.enum(['disable', 'enable']),
  reason: z.string().nullable(),
  requestedBy: PersonRef,
  requestedAt: z.iso.datetime(),
});
export type StatusRequest = z.infer<typeof StatusRequest>;

export const UserDetail = UserSummary.extend({
  createdAt: z.iso.datetime(),
  hasPassword: z.boolean(),
  /** The employee has set their own password or signs in through single sign-on. */
  activated: z.boolean(),
  /** An open request to disable or enable the account, if any. */
  statusRequest: StatusRequest.nullable(),
  grants: z.array(Grant),
});
export type UserDetail = z.infer<typeof UserDetail>;

export const UserSearchQuery = z.object({
  q: z.string().trim().max(100).optional(),
  departmentCode: DepartmentCode.optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(['active', 'disabled', 'all']).default('active'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type UserSearchQuery = z.infer<typeof UserSearchQuery>;

export const UserSearchResult = z.object({ total: z.number().int(), users: z.array(UserSummary) });

/**
 * An administrator never sets a password: the account gets a one-time activation link with
 * which the employee sets their own (or signs in through single sign-on).
 */
export const CreateUserRequest = z.strictObject({
  username: Username,
  displayName: DisplayName,
  departmentCode: DepartmentCode,
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

/** The one-time link an employee opens to set their password; shown once to the administrator. */
export const ActivationLink = z.object({ url: z.url(), expiresAt: z.iso.datetime() });
export type ActivationLink = z.infer<typeof ActivationLink>;

export const CreatedUser = UserDetail.extend({ activationLink: ActivationLink });
export type CreatedUser = z.infer<typeof CreatedUser>;

/** The employee sets their password with the token from the activation link's fragment. */
export const ActivateAccountRequest = z.strictObject({
  token: z.string().min(20).max(200),
  password: NewPassword,
});
export type ActivateAccountRequest = z.infer<typeof ActivateAccountRequest>;

export const PendingStatusRequest = StatusRequest.extend({
  user: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }),
});
export type PendingStatusRequest = z.infer<typeof PendingStatusRequest>;

export const UpdateUserRequest = z.strictObject({
  displayName: DisplayName.optional(),
  departmentCode: DepartmentCode.optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

/**
 * A re-certification: the next date, and `pending` when the grant had lapsed and its role needs
 * a second administrator to bring it back.
 */
export const RecertifyAnswer = z.object({
  recertifyBy: z.iso.date(),
  status: z.enum(['pending', 'active']),
});
export type RecertifyAnswer = z.infer<typeof RecertifyAnswer>;

export const PendingGrant = z.object({
  user: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }),
  grant: Grant,
});
export type PendingGrant = z.infer<typeof PendingGrant>;

/** Reason given when a grant is revoked or declined, or a user disabled. */
export const ReasonRequest = z.object({ reason: z.string().trim().min(3).max(500) });
