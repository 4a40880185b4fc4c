import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerRetentionCommand } from './retention.command.js';
import { startRetentionScheduler } from '../modules/retention/retention.job.js';
import type { RetentionService } from '../modules/retention/retention.service.js';

const RESULT = { dry_run: false, expired: 2, due: 5, deleted: 7, by_kind: { person: 1 } };

function fakeServices(result: unknown = RESULT) {
  const run = vi.fn(async () => result);
  const flush = vi.fn(async () => {});
  return {
    services: { retention: { run } as unknown as RetentionService, deletion: { flush } },
    run,
    flush,
  };
}

describe('zemag retention run', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  async function cli(args: string[], result?: unknown) {
    const fake = fakeServices(result);
    const program = new Command('zemag').exitOverride();
    registerRetentionCommand(program, (run) => run(fake.services));
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    await program.parseAsync(['node', 'zemag', ...args]);
    return { ...fake, lines: out.join('').trimEnd().split('\n') };
  }

  it('runs the job once, waiting for a run elsewhere, and prints the result as its last line', async () => {
    const { run, flush, lines } = await cli(['retention', 'run']);
    expect(run).toHaveBeenCalledWith({ dryRun: false, wait: true });
    expect(flush).toHaveBeenCalledTimes(1); // the deletions go to the ledger file
    expect(lines.at(-1)).toBe(
      '{"dry_run":false,"expired":2,"due":5,"deleted":7,"by_kind":{"person":1}}',
    );
  });

  it('--dry-run changes nothing and writes nothing to the ledger', async () => {
    const { run, flush } = await cli(['retention', 'run', '--dry-run'], {
      ...RESULT,
      dry_run: true,
    });
    expect(run).toHaveBeenCalledWith({ dryRun: true, wait: true });
    expect(flush).not.toHaveBeenCalled();
  });
});

describe('the retention scheduler', () => {
  it('runs shortly after start, then every interval, logs results and errors without content, and stops', async () => {
    vi.useFakeTimers();
    const { services, run } = fakeServices();
    run.mockRejectedValueOnce(
      Object.assign(new Error('duplicate key: Key (family_name)=(Muster)'), { code: '23505' }),
    );
    const info = vi.fn();
    const error = vi.fn();
    const scheduler = startRetentionScheduler({
      services,
      intervalMinutes: 60,
      log: { info, error },
      firstRunDelayMs: 1000,
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(error.mock.calls)).not.toContain('Muster');
    expect(JSON.stringify(error.mock.calls)).toContain('23505');
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(info).toHaveBeenCalledWith({ job: 'retention', ...RESULT }, 'retention job run');
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(3 * 60 * 60_000);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
