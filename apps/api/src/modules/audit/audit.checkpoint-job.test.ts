import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCheckpointScheduler } from './audit.checkpoint-job.js';
import type { AuditCheckpoints } from './audit.checkpoints.js';

const CHECKPOINT = {
  v: 1,
  position: 7,
  seq: 9,
  hash: 'ab'.repeat(32),
  at: '',
  key: 'k',
  signature: 's',
};

describe('the checkpoint scheduler', () => {
  afterEach(() => vi.useRealTimers());

  it('signs the head when it moved, every interval, logs failures without content, and once more at stop', async () => {
    vi.useFakeTimers();
    const write = vi
      .fn()
      .mockResolvedValueOnce(CHECKPOINT)
      .mockRejectedValueOnce(
        Object.assign(new Error('ENOSPC: no space left, write audit-checkpoints.jsonl'), {
          code: 'ENOSPC',
        }),
      )
      .mockResolvedValue(null);
    const info = vi.fn();
    const error = vi.fn();
    const scheduler = startCheckpointScheduler({
      checkpoints: { write } as unknown as AuditCheckpoints,
      intervalMinutes: 60,
      log: { info, error },
      firstDelayMs: 1000,
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(write).toHaveBeenCalledWith({ onlyIfMoved: true });
    expect(info).toHaveBeenCalledWith(
      { job: 'audit-checkpoint', position: 7, seq: 9 },
      'audit checkpoint signed',
    );
    // a full disk: logged by its code, and tried again at the next interval
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(write).toHaveBeenCalledTimes(2);
    expect(error).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(error.mock.calls)).toContain('ENOSPC');
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(write).toHaveBeenCalledTimes(3);
    await scheduler.stop();
    expect(write).toHaveBeenCalledTimes(4);
    await vi.advanceTimersByTimeAsync(3 * 60 * 60_000);
    expect(write).toHaveBeenCalledTimes(4);
  });
});
