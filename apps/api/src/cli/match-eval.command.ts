import fs from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { parseFebrl, parseRldata, runMatchEval } from '../modules/lookup/match-eval.js';

/**
 * Registers `zemag match-eval --format febrl|rldata FILE`: recall, false candidates and
 * negative hit rate of the look-up on a record-linkage file, as one JSON line.
 */
export function registerMatchEvalCommand(program: Command) {
  program
    .command('match-eval')
    .description(
      'measure the look-up on a record-linkage file (FEBRL or RLdata format) in a throwaway database; prints one JSON line',
    )
    .requiredOption('--format <format>', 'febrl or rldata', (value) => {
      if (value !== 'febrl' && value !== 'rldata') {
        throw new InvalidArgumentError('febrl or rldata');
      }
      return value;
    })
    .option(
      '--misses',
      'also print every missed query and every negative query that was answered to standard error',
    )
    .argument('<file>', 'the CSV file')
    .action(async (file: string, options: { format: 'febrl' | 'rldata'; misses?: boolean }) => {
      const text = fs.readFileSync(file, 'utf8');
      const records = options.format === 'febrl' ? parseFebrl(text) : parseRldata(text);
      const result = await runMatchEval({
        records,
        ...(options.misses
          ? {
              onMiss: (miss) => {
                process.stderr.write(
                  `${JSON.stringify({
                    query: miss.query.query,
                    expected: miss.expected?.query ?? null,
                    shown: miss.shown.map((s) => ({ ...s.record?.query, why: s.explanation })),
                  })}\n`,
                );
              },
            }
          : {}),
      });
      process.stdout.write(`${JSON.stringify(result)}\n`);
    });
}
