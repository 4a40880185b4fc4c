import fs from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_LOOKUP_SETTINGS } from '../modules/lookup/lookup.service.js';
import { parseFebrl, parseRldata, runMatchEval } from '../modules/lookup/match-eval.js';

function probability(value: string) {
  const p = Number(value);
  if (!(p > 0 && p < 1)) throw new InvalidArgumentError('a probability between 0 and 1');
  return p;
}

interface MatchEvalOptions {
  format: 'febrl' | 'rldata';
  misses?: boolean;
  fieldThreshold?: number;
  registrarThreshold?: number;
}

/**
 * Registers `zemag match-eval --format febrl|rldata FILE`: recall, false candidates and
 * negative hit rate of the look-up on a record-linkage file, as one JSON line: what field staff
 * see, and with the `registrar_` prefix what registrars see.
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
    .option(
      '--field-threshold <p>',
      "field staff's threshold: the posterior probability a candidate needs (default 0.5)",
      probability,
    )
    .option(
      '--registrar-threshold <p>',
      "registrars' threshold for possible candidates (default 0.05)",
      probability,
    )
    .argument('<file>', 'the CSV file')
    .action(async (file: string, options: MatchEvalOptions) => {
      const text = fs.readFileSync(file, 'utf8');
      const records = options.format === 'febrl' ? parseFebrl(text) : parseRldata(text);
      const rank = DEFAULT_LOOKUP_SETTINGS.rank;
      const result = await runMatchEval({
        records,
        settings: {
          rank: {
            ...rank,
            field: options.fieldThreshold ?? rank.field,
            registrar: options.registrarThreshold ?? rank.registrar,
          },
        },
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
