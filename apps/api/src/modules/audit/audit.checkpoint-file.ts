import fs from 'node:fs';
import path from 'node:path';
import type { AuditCheckpoint } from './audit.checkpoint.js';

/**
 * The checkpoint file (`ZEMAG_AUDIT_CHECKPOINTS`, default `<ZEMAG_DATA_DIR>/audit-checkpoints.jsonl`):
 * one signed checkpoint per line, only ever appended, so that a copy can be shipped elsewhere
 * (rsync, a log server, a printout) and compared. Each line is written with one write and
 * flushed to the disk before the call returns.
 */
export async function appendCheckpoint(file: string, checkpoint: AuditCheckpoint): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const handle = await fs.promises.open(file, 'a', 0o640);
  try {
    await handle.write(`${JSON.stringify(checkpoint)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The file's lines with their numbers (1-based), blank lines left out; null if there is no file. */
export async function readCheckpointLines(
  file: string,
): Promise<{ line: number; text: string }[] | null> {
  let content: string;
  try {
    content = await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return content
    .split('\n')
    .map((text, index) => ({ line: index + 1, text: text.trim() }))
    .filter(({ text }) => text !== '');
}
