import * as oidc from 'openid-client';
import type { SessionInfo, SsoErrorCode } from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db, Tx } from '../../db/database.js';
import { addMonths, localDate } from '../../local-date.js';
import type { AuditService } from '../audit/audit.service.js';
import { findDepartmentsByCodes } from '../departments/departments.repository.js';
import { conflictingRole } from '../grants/grants.policy.js';
import { findAccessFacts, insertGrant, revokeGrant } from '../grants/grants.repository.js';
import {
  deleteSessionsOfUser,
  findUserByUsername,
  type UserRow,
} from '../identity/identity.repository.js';
import type { IdentityService } from '../identity/identity.service.js';
import { hashToken } from '../identity/session-token.js';
import type { UsersService } from '../users/users.service.js';
import { updateUser } from '../users/users.repository.js';
import {
  mapClaims,
  planRoleSync,
  rolesFromGroups,
  trustedSecondFactor,
  type ExternalIdentity,
} from './sso.claims.js';
import { ProviderError, type OidcClient } from './sso.provider.js';
import {
  deleteExpiredStates,
  findUserByExternalIdentity,
  insertState,
  linkExternalIdentity,
  takeState,
} from './sso.repository.js';
import type { OidcSettings } from './sso.settings.js';

/** A sign-in started at the provider must come back within this time. */
export const STATE_TTL_MS = 10 * 60_000;

/** A refused single sign-on: the code goes to the browser, the reason only to the audit log. */
class SsoRefusal extends Error {
  constructor(
    readonly code: SsoErrorCode,
    readonly reason: string,
    readonly actor: string | null = null,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(reason);
    this.name = 'SsoRefusal';
  }
}

export type SsoCallbackResult =
  { ok: true; token: string; info: SessionInfo } | { ok: false; code: SsoErrorCode };

export type SsoService = ReturnType<typeof createSsoService>;

export function createSsoService({
  db,
  audit,
  clock,
  settings,
  client,
  identity,
  users,
  grantSettings,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  settings: OidcSettings | null;
  client: OidcClient | null;
  identity: Pick<IdentityService, 'openSession'>;
  users: Pick<UsersService, 'createUser'>;
  grantSettings: { timeZone: string; recertifyMonths: number };
}) {
  const issuer = settings?.issuer.href ?? '';

  async function departmentId(tx: Tx, code: string | null): Promise<string | null> {
    if (code === null) return null;
    const { departments } = await findDepartmentsByCodes({ db: tx, codes: [code] });
    const found = departments[0];
    if (!found) throw new SsoRefusal('sso.department_unknown', 'department_unknown');
    return found.id;
  }

  /** Finds the account by (issuer, subject), else links one by user name, else creates one. */
  async function accountFor(tx: Tx, s: OidcSettings, who: ExternalIdentity): Promise<UserRow> {
    const now = clock.now();
    const { user: linked } = await findUserByExternalIdentity({
      db: tx,
      issuer,
      subject: who.subject,
    });
    if (linked) return linked;
    const { user: named } = await findUserByUsername({ db: tx, username: who.username });
    if (named) {
      // Bound to another subject already: a recycled or spoofed name must not take it over.
      if (named.externalIssuer !== null) {
        throw new SsoRefusal('sso.no_account', 'username_linked_elsewhere', named.id);
      }
      const { user } = await linkExternalIdentity({
        db: tx,
        userId: named.id,
        issuer,
        subject: who.subject,
        at: now,
      });
      await audit.record({
        tx,
        actor: named.id,
        action: 'user.sso_linked',
        subject: { type: 'user', id: named.id },
        details: { issuer },
      });
      return user;
    }
    if (!s.createUsers) throw new SsoRefusal('sso.no_account', 'no_account');
    const { user: created } = await users.createUser({
      tx,
      username: who.username,
      displayName: who.displayName,
      password: null,
      departmentId: await departmentId(tx, who.departmentCode),
      roles: ['reporter'],
      actor: null,
    });
    const { user } = await linkExternalIdentity({
      db: tx,
      userId: created.id,
      issuer,
      subject: who.subject,
      at: now,
    });
    return user;
  }

  /** The department claim is the source of truth when configured: a move shows at the next sign-in. */
  async function syncDepartment(tx: Tx, user: UserRow, who: ExternalIdentity) {
    if (who.departmentCode === null) return { changed: false };
    const id = await departmentId(tx, who.departmentCode);
    if (id === user.departmentId) return { changed: false };
    await updateUser({
      db: tx,
      id: user.id,
      changes: { departmentId: id, updatedAt: clock.now() },
    });
    await audit.record({
      tx,
      actor: null,
      action: 'user.updated',
      subject: { type: 'user', id: user.id },
      details: { changed: ['department'], source: 'oidc' },
    });
    return { changed: true };
  }

  /** Grants and revokes the mapped roles so they follow the provider's groups. */
  async function syncRoles(tx: Tx, s: OidcSettings, user: UserRow, who: ExternalIdentity) {
    if (!s.roleGroups) return { changed: false };
    const facts = await findAccessFacts({ db: tx, userId: user.id });
    const held = facts.grants.map((g) => g.role);
    const plan = planRoleSync({
      held,
      wanted: rolesFromGroups(who.groups, s.roleGroups),
      roleGroups: s.roleGroups,
    });
    const now = clock.now();
    const today = localDate(now, grantSettings.timeZone);
    let changed = false;
    for (const role of plan.revoke) {
      await revokeGrant({ db: tx, userId: user.id, role, actor: null, at: now });
      await audit.record({
        tx,
        actor: null,
        action: 'grant.revoked',
        subject: { type: 'user', id: user.id },
        purpose: 'group membership ended at the identity provider',
        details: { role, source: 'oidc' },
      });
      changed = true;
    }
    for (const role of plan.grant) {
      const skip =
        role === 'field' && !facts.departmentAuthorised
          ? 'department_not_authorised'
          : conflictingRole(role, held)
            ? 'incompatible_roles'
            : null;
      if (skip) {
        await audit.record({
          tx,
          actor: null,
          action: 'grant.sync_skipped',
          subject: { type: 'user', id: user.id },
          details: { role, source: 'oidc', reason: skip },
        });
        continue;
      }
      await insertGrant({
        db: tx,
        grant: {
          userId: user.id,
          role,
          status: 'active',
          grantedBy: null,
          grantedAt: now,
          endsOn: null,
          recertifyBy: addMonths(today, grantSettings.recertifyMonths),
        },
      });
      await audit.record({
        tx,
        actor: null,
        action: 'grant.granted',
        subject: { type: 'user', id: user.id },
        details: { role, endsOn: null, source: 'oidc' },
      });
      changed = true;
    }
    return { changed };
  }

  async function refuse(refusal: SsoRefusal): Promise<SsoCallbackResult> {
    await db.transaction((tx) =>
      audit.record({
        tx,
        actor: refusal.actor,
        action: 'auth.sign_in_failed',
        ...(refusal.actor ? { subject: { type: 'user', id: refusal.actor } } : {}),
        details: { method: 'oidc', reason: refusal.reason, ...refusal.extra },
      }),
    );
    return { ok: false, code: refusal.code };
  }

  function providerRefusal(error: unknown): SsoRefusal {
    if (error instanceof ProviderError && error.kind === 'unavailable') {
      return new SsoRefusal('sso.provider_unavailable', 'provider_unavailable');
    }
    return new SsoRefusal('sso.failed', 'token_rejected');
  }

  return {
    /** What the sign-in page shows. */
    publicConfig() {
      return { enabled: settings !== null, label: settings?.label ?? null };
    },

    /**
     * Starts a sign-in: a fresh state, nonce and PKCE verifier, kept (state hashed) for ten
     * minutes, and the provider's URL to send the browser to.
     */
    async start(): Promise<{ ok: true; url: URL } | { ok: false; code: SsoErrorCode }> {
      if (!settings || !client) return { ok: false, code: 'sso.not_configured' };
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      let url: URL;
      try {
        url = await client.authorizationUrl({ state, nonce, codeVerifier });
      } catch (error) {
        return refuse(providerRefusal(error)) as Promise<{ ok: false; code: SsoErrorCode }>;
      }
      const now = clock.now();
      await db.transaction(async (tx) => {
        await deleteExpiredStates({ db: tx, now });
        await insertState({
          db: tx,
          state: {
            stateHash: hashToken(state),
            codeVerifier,
            nonce,
            createdAt: now,
            expiresAt: new Date(now.getTime() + STATE_TTL_MS),
          },
        });
      });
      return { ok: true, url };
    },

    /**
     * The provider sent the browser back. Checks the state once, exchanges the code, maps the
     * claims to an account and opens a session; every refusal is audited with its reason.
     */
    async callback({
      query,
      previousToken,
    }: {
      query: URLSearchParams;
      previousToken?: string | undefined;
    }): Promise<SsoCallbackResult> {
      if (!settings || !client) return { ok: false, code: 'sso.not_configured' };
      try {
        const stateParam = query.get('state');
        if (!stateParam) throw new SsoRefusal('sso.expired', 'state_missing');
        const { state } = await takeState({ db, stateHash: hashToken(stateParam) });
        if (!state) throw new SsoRefusal('sso.expired', 'state_unknown');
        if (state.expiresAt <= clock.now()) throw new SsoRefusal('sso.expired', 'state_expired');

        const providerError = query.get('error');
        if (providerError !== null) {
          // Only the OAuth error code (a token from a fixed list), never its free-text description.
          const error = /^[a-z_]{1,40}$/.test(providerError) ? providerError : 'other';
          throw new SsoRefusal(
            error === 'access_denied' ? 'sso.cancelled' : 'sso.failed',
            'provider_error',
            null,
            { error },
          );
        }

        const wanted = [
          settings.usernameClaim,
          settings.groupsClaim,
          ...(settings.departmentClaim ? [settings.departmentClaim] : []),
        ];
        let claims: Record<string, unknown>;
        try {
          ({ claims } = await client.exchange({
            callbackQuery: query,
            state: stateParam,
            nonce: state.nonce,
            codeVerifier: state.codeVerifier,
            wanted,
          }));
        } catch (error) {
          throw providerRefusal(error);
        }
        const mapped = mapClaims(claims, settings);
        if ('missing' in mapped) {
          throw new SsoRefusal('sso.claims_missing', 'claims_missing', null, {
            claim: mapped.missing,
          });
        }
        const who = mapped.identity;

        const user = await db.transaction(async (tx) => {
          const account = await accountFor(tx, settings, who);
          if (account.disabledAt !== null) {
            throw new SsoRefusal('sso.account_disabled', 'disabled', account.id);
          }
          const department = await syncDepartment(tx, account, who);
          const roles = await syncRoles(tx, settings, account, who);
          // Changed access applies everywhere at once: other sessions of this user end.
          if (department.changed || roles.changed) {
            await deleteSessionsOfUser({ db: tx, userId: account.id });
          }
          return account;
        });
        const secondFactor = trustedSecondFactor(who.amr, settings.trustMfa);
        const session = await identity.openSession({
          user,
          method: 'oidc',
          secondFactor,
          previousToken,
        });
        return { ok: true, ...session };
      } catch (error) {
        if (error instanceof SsoRefusal) return refuse(error);
        throw error;
      }
    },
  };
}
