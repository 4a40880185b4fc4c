import fs from 'node:fs';
import type { Command } from 'commander';
import { parseFebrl, parseRldata } from '../modules/lookup/match-eval.js';
import { estimateFromFiles } from '../modules/lookup/match-weights.js';
import { bits } from '../modules/matching/weights.js';

/** The file's format by its header: RLdata names its columns fname_c1 …, FEBRL rec_id, surname …. */
export function parseLinkageFile(text: string) {
  const header = text.slice(0, text.indexOf('\n'));
  return header.includes('fname_c1') ? parseRldata(text) : parseFebrl(text);
}

/**
 * Registers `zemag match-weights FILE...`: m and u of every agreement level estimated from
 * record-linkage files (FEBRL or RLdata, told apart by the header), as one JSON line.
 */
export function registerMatchWeightsCommand(program: Command) {
  program
    .command('match-weights')
    .description(
      'estimate the matching weights (m and u per agreement level) from record-linkage files; prints one JSON line',
    )
    .argument('<files...>', 'FEBRL or RLdata CSV files')
    .action((files: string[]) => {
      const { weights, pairs } = estimateFromFiles(
        files.map((file) => parseLinkageFile(fs.readFileSync(file, 'utf8'))),
      );
      const withBits = Object.fromEntries(
        Object.entries(weights).map(([field, levels]) => [
          field,
          Object.fromEntries(
            Object.entries(levels as Record<string, { m: number; u: number }>).map(([l, p]) => [
              l,
              { ...p, bits: Math.round(bits(p) * 100) / 100 },
            ]),
          ),
        ]),
      );
      process.stdout.write(`${JSON.stringify({ pairs, weights: withBits })}\n`);
    });
}
