import { describe, expect, it } from 'vitest';
import { auditVerifyLine } from './audit.verify-report.js';
import type { AuditVerification } from './audit.verify.js';

const counts = { count: 10, linked: 10, unlinked: 0, headSeq: 12, headPosition: 10 };
const intact: AuditVerification = { ok: true, ...counts, headHash: 'ab'.repeat(32), broken: [] };

function broken(
  breaks: AuditVerification['broken'],
  brokenCount = breaks.length,
): AuditVerification {
  return {
    ok: false,
    ...counts,
    broken: breaks,
    brokenCount,
    brokenAt: breaks[0]!.sequence,
    reason: 'hash_mismatch',
  };
}

describe('the last line of audit verify', () => {
  it('says ok with the number of events and checkpoints', () => {
    expect(auditVerifyLine(intact, { checkpoints: 3, finding: null })).toEqual({
      events: 10,
      ok: true,
      first_bad_seq: null,
      checkpoints: 3,
      problem: null,
    });
  });

  it('names the edited event, and how many more findings there are', () => {
    const line = auditVerifyLine(broken([{ sequence: 7, position: 6, reason: 'edited' }], 3), {
      checkpoints: 0,
      finding: null,
    });
    expect(line).toMatchObject({ ok: false, first_bad_seq: 7 });
    expect(line.problem).toMatch(/event 7 was changed.*and 2 more/);
  });

  it('names the position of a deleted event, which has no number left', () => {
    const line = auditVerifyLine(broken([{ sequence: 5, position: 5, reason: 'missing' }]), {
      checkpoints: 0,
      finding: null,
    });
    expect(line).toMatchObject({ ok: false, first_bad_seq: null });
    expect(line.problem).toMatch(/position 5 is missing/);
  });

  it("reports a checkpoint's finding when the chain itself holds", () => {
    const line = auditVerifyLine(intact, {
      checkpoints: 2,
      finding: { line: 3, firstBadSeq: 9, problem: 'the chain was rewritten between …' },
    });
    expect(line).toEqual({
      events: 10,
      ok: false,
      first_bad_seq: 9,
      checkpoints: 2,
      problem: 'the chain was rewritten between …',
    });
  });
});
