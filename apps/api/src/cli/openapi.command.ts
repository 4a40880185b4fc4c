import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { openApiText } from '../http/openapi.document.js';

/** Registers `zemag openapi`: the OpenAPI document of the HTTP contract, to a file or stdout. */
export function registerOpenApiCommand(program: Command) {
  program
    .command('openapi')
    .description('writes the OpenAPI document of the HTTP contract (checked in as openapi.json)')
    .option('--out <file>', 'file to write (default: standard output)')
    .action(async ({ out }: { out?: string }) => {
      const text = await openApiText();
      if (out) await writeFile(out, text);
      else process.stdout.write(text);
    });
}
