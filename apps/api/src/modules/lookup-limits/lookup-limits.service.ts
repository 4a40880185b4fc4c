import { waitText, type CurrentUser } from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { AuditService } from '../audit/audit.service.js';
import { lockBudget, saveBudget } from './lookup-limits.repository.js';
import {
  giveBack,
  retryAfterSeconds,
  spend,
  type LookupLimitSettings,
} from './lookup-limits.policy.js';

type Actor = Pick<CurrentUser, 'id' | 'abilities'>;

/** What is spent: one look-up, or a visit list's entries (one each). */
export interface SpendInput {
  actor: Actor;
  cost: number;
  kind: 'lookup' | 'visit_list';
}

/** Runs look-ups within the user's budget (lookup-limits.policy.ts). */
export interface LookupLimits {
  /**
   * Spends `cost` look-ups of the actor's budget, then runs `work`; refused with 429 naming the
   * wait when the budget is short. When `work` fails, the look-ups are given back.
   */
  spend<T>(input: SpendInput, work: () => Promise<T>): Promise<T>;
}

/** No limit: for evaluations that call the look-up directly, and `ZEMAG_LOOKUP_RATE_BURST=off`. */
export const noLookupLimit: LookupLimits = { spend: (_input, work) => work() };

/**
 * Registrars (`listing.manage`) are not limited: they read every listing through the listing
 * pages anyway, so a limit on their look-ups would protect nothing and slow the desk.
 */
function exempt(actor: Actor) {
  return actor.abilities.includes('listing.manage');
}

export function createLookupLimits({
  db,
  audit,
  clock,
  settings,
  timeZone,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  /** null: no limit. */
  settings: LookupLimitSettings | null;
  /** The city's time zone, for the clock time in the refusal's text. */
  timeZone: string;
}): LookupLimits {
  if (settings === null) return noLookupLimit;
  const limit = settings;

  /**
   * Counts the cost in a short transaction of its own: the budget row stays locked only
   * until it commits, so parallel look-ups of one user queue here and each sees the budget the
   * ones before it left — however many arrive at once, no more than the budget get through.
   */
  async function take({ actor, cost, kind }: SpendInput) {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const stored = await lockBudget({ tx, userId: actor.id, full: limit.burst, now });
      const decision = spend(stored, cost, now, limit);
      if (decision.allowed) {
        await saveBudget({
          tx,
          userId: actor.id,
          budget: { ...decision.next, refusedSince: null },
        });
        return { allowed: true as const };
      }
      const seconds = retryAfterSeconds(decision.retryAfterMs);
      if (stored.refusedSince === null) {
        // The first refusal of a run is audited (the DPO sees who hit the limit, and when);
        // the refusals after it are not, so a script hammering the limit cannot flood the chain.
        await saveBudget({ tx, userId: actor.id, budget: { ...stored, refusedSince: now } });
        await audit.record({
          tx,
          actor: actor.id,
          action: 'register.lookup_throttled',
          details: { kind, cost, retryAfterSeconds: seconds, ...limit },
        });
      }
      return { allowed: false as const, seconds };
    });
  }

  async function refund({ actor, cost }: SpendInput) {
    const now = clock.now();
    await db.transaction(async (tx) => {
      const stored = await lockBudget({ tx, userId: actor.id, full: limit.burst, now });
      const next = giveBack(stored, cost, now, limit);
      await saveBudget({ tx, userId: actor.id, budget: { ...stored, ...next } });
    });
  }

  return {
    async spend(input, work) {
      if (input.cost <= 0 || exempt(input.actor)) return work();
      const taken = await take(input);
      if (!taken.allowed) {
        const until = new Date(clock.now().getTime() + taken.seconds * 1000);
        throw new AppError(
          429,
          input.kind === 'visit_list' ? 'visit_list.rate_limited' : 'lookup.rate_limited',
          {
            params: { wait: waitText(taken.seconds, { until, timeZone }) },
            retryAfterSeconds: taken.seconds,
          },
        );
      }
      try {
        return await work();
      } catch (error) {
        // Nothing was read (the look-up's transaction rolled back): the budget is not spent.
        await refund(input).catch(() => undefined);
        throw error;
      }
    },
  };
}
