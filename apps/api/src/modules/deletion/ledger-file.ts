import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The deletion ledger: an append-only file of JSON lines outside the database, one per deletion
 * or restriction change, each chained to the one before by SHA-256. A restored backup lacks
 * the newer deletions; the ledger brings them back. No personal content: kind, id, rule, time.
 *
 *   {"seq":1,"kind":"person","id":"…","rule":"request.erasure","at":"…","facts":{},
 *    "prev":"000…","hash":"…"}
 *
 * `hash` = SHA-256 (hex) over the line without `hash` (keys in this order, facts' keys sorted);
 * the first line's `prev` is GENESIS.
 */
export const LEDGER_GENESIS = '0'.repeat(64);

export interface LedgerLine {
  seq: number;
  kind: string;
  id: string;
  rule: string;
  /** ISO 8601. */
  at: string;
  facts: Record<string, unknown>;
  prev: string;
  hash: string;
}

/** Where the chain stands: the next line continues from here. */
export interface LedgerHead {
  seq: number;
  hash: string;
  /** Bytes of complete lines read so far. */
  size: number;
}

/** A line was edited, removed, inserted or reordered: nothing is deleted on such a ledger. */
export class LedgerBrokenError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
  ) {
    super(
      `Das Löschprotokoll ${file} ist nicht mehr unverändert: Zeile ${line} wurde verändert. ` +
        'ZeMAG startet nicht und löscht nichts, bis es aus einer Sicherung wiederhergestellt ist.\n' +
        `The deletion ledger ${file} is no longer intact: ledger line ${line} was changed. ` +
        'ZeMAG does not start and deletes nothing until it is restored from a copy.',
    );
    this.name = 'LedgerBrokenError';
  }
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** The line without `hash`, as hashed. */
function canonical(line: Omit<LedgerLine, 'hash'>): string {
  return JSON.stringify({
    seq: line.seq,
    kind: line.kind,
    id: line.id,
    rule: line.rule,
    at: line.at,
    facts: sortedKeys(line.facts),
    prev: line.prev,
  });
}

export function hashLedgerLine(line: Omit<LedgerLine, 'hash'>): string {
  return createHash('sha256').update(canonical(line)).digest('hex');
}

/** Chains new entries after `head`; returns the text to append and the new head. */
export function chainLines(
  head: LedgerHead,
  entries: Omit<LedgerLine, 'seq' | 'prev' | 'hash'>[],
): { text: string; lines: LedgerLine[]; head: LedgerHead } {
  let { seq, hash } = head;
  const lines = entries.map((entry) => {
    seq += 1;
    const unsigned = { seq, ...entry, prev: hash };
    hash = hashLedgerLine(unsigned);
    return { ...unsigned, hash };
  });
  const text = lines
    .map((line) => `${canonical(line).slice(0, -1)},"hash":"${line.hash}"}\n`)
    .join('');
  return { text, lines, head: { seq, hash, size: head.size + Buffer.byteLength(text) } };
}

function isLine(value: unknown): value is LedgerLine {
  const v = value as LedgerLine;
  return (
    !!v &&
    typeof v === 'object' &&
    Number.isInteger(v.seq) &&
    typeof v.kind === 'string' &&
    typeof v.id === 'string' &&
    typeof v.rule === 'string' &&
    typeof v.at === 'string' &&
    !!v.facts &&
    typeof v.facts === 'object' &&
    !Array.isArray(v.facts) &&
    typeof v.prev === 'string' &&
    typeof v.hash === 'string'
  );
}

/**
 * Reads and verifies lines from byte `head.size` on (0: the whole file). A last line without
 * its newline is a write cut short by a crash: it is not counted (`torn`), and the next append
 * replaces it. Throws `LedgerBrokenError` naming the first line that does not fit the chain.
 */
export function readLedger(
  file: string,
  head: LedgerHead = { seq: 0, hash: LEDGER_GENESIS, size: 0 },
): { lines: LedgerLine[]; head: LedgerHead; torn: boolean } {
  let buffer: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      if (size < head.size) throw new LedgerBrokenError(file, head.seq);
      buffer = Buffer.alloc(size - head.size);
      let read = 0;
      while (read < buffer.length) {
        const n = fs.readSync(fd, buffer, read, buffer.length - read, head.size + read);
        if (n === 0) break;
        read += n;
      }
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && head.size === 0) {
      return { lines: [], head, torn: false };
    }
    throw error;
  }
  const end = buffer.lastIndexOf(0x0a) + 1;
  const torn = end < buffer.length;
  const text = buffer.subarray(0, end).toString('utf8');
  const lines: LedgerLine[] = [];
  let { seq, hash } = head;
  for (const raw of text.split('\n')) {
    if (raw === '') continue;
    const lineNo = seq + 1;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new LedgerBrokenError(file, lineNo);
    }
    if (!isLine(parsed) || parsed.seq !== lineNo || parsed.prev !== hash) {
      throw new LedgerBrokenError(file, lineNo);
    }
    const { hash: stated, ...unsigned } = parsed;
    if (hashLedgerLine(unsigned) !== stated) throw new LedgerBrokenError(file, lineNo);
    lines.push(parsed);
    seq = lineNo;
    hash = stated;
  }
  return { lines, head: { seq, hash, size: head.size + Buffer.byteLength(text) }, torn };
}

/**
 * Appends `text` at byte `at` (cutting off a torn last line), private to the server's user,
 * and waits until it is on disk.
 */
export function appendLedger(file: string, at: number, text: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600);
  try {
    fs.fchmodSync(fd, 0o600);
    const size = fs.fstatSync(fd).size;
    if (size < at) throw new LedgerBrokenError(file, 0);
    if (size > at) {
      // Only a torn last line (no newline) is cut off; complete lines never are.
      const tail = Buffer.alloc(size - at);
      fs.readSync(fd, tail, 0, tail.length, at);
      if (tail.includes(0x0a)) throw new Error(`The deletion ledger ${file} grew while appending`);
      fs.ftruncateSync(fd, at);
    }
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < bytes.length) {
      written += fs.writeSync(fd, bytes, written, bytes.length - written, at + written);
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A ledger file of its own for a test (in the temp folder, never the working folder). */
export function testLedgerFile(): string {
  return path.join(os.tmpdir(), `zemag-test-ledger-${process.pid}-${randomUUID()}.jsonl`);
}
