import type { CheckpointCheck } from './audit.checkpoint-verify.js';
import type { AuditBreak, AuditVerification } from './audit.verify.js';

/**
 * The last line of `zemag audit verify` (an interface scripts read; keep the fields):
 * `{"events":N,"ok":true|false,"first_bad_seq":N|null,"checkpoints":N,"problem":"…"|null}`.
 */
export interface AuditVerifyLine {
  events: number;
  ok: boolean;
  first_bad_seq: number | null;
  checkpoints: number;
  problem: string | null;
}

function describeBreak(found: AuditBreak): string {
  switch (found.reason) {
    case 'edited':
      return `event ${found.sequence} was changed: its content no longer gives its stored hash`;
    case 'missing':
      return `the event at chain position ${found.sequence} is missing (deleted)`;
    case 'linked-wrong':
      return `event ${found.sequence} does not link to the event before it`;
    case 'unlinked':
      return `event ${found.sequence} is still not linked into the chain`;
  }
}

/** The chain walk's findings first (they name the event), then the checkpoints'. */
export function auditVerifyLine(
  chain: AuditVerification,
  checks: CheckpointCheck,
): AuditVerifyLine {
  // the fields in the documented order: scripts may compare the line as text
  const line = (ok: boolean, firstBadSeq: number | null, problem: string | null) => ({
    events: chain.count,
    ok,
    first_bad_seq: firstBadSeq,
    checkpoints: checks.checkpoints,
    problem,
  });
  if (!chain.ok) {
    const [first] = chain.broken;
    const more = chain.brokenCount > 1 ? ` (and ${chain.brokenCount - 1} more)` : '';
    return line(
      false,
      // a missing row has no number left; the finding names its position
      first && first.reason !== 'missing' ? first.sequence : null,
      `${first ? describeBreak(first) : 'the chain does not hold'}${more}`,
    );
  }
  if (checks.finding) return line(false, checks.finding.firstBadSeq, checks.finding.problem);
  return line(true, null, null);
}
