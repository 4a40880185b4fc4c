import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { koelnerPhonetik } from '../modules/matching/koelner-phonetik.js';

/** One output line: the name as read, a tab, and its Kölner Phonetik (one code per word). */
export function phoneticLine(name: string): string {
  return `${name}\t${koelnerPhonetik(name)}`;
}

/** Codes every line of `input` and writes `name<TAB>code` lines to `output`. */
export async function runPhonetic({ input, output }: { input: Readable; output: Writable }) {
  const lines = readline.createInterface({ input, crlfDelay: Infinity, terminal: false });
  for await (const line of lines) output.write(`${phoneticLine(line)}\n`);
}

/** Registers `zemag phonetic`: names on standard input, `name<TAB>code` on standard output. */
export function registerPhoneticCommand(program: Command) {
  program
    .command('phonetic')
    .description(
      'Kölner Phonetik (strict): one name per line on stdin, prints name<TAB>code (one code per word)',
    )
    .action(async () => {
      await runPhonetic({ input: process.stdin, output: process.stdout });
    });
}
