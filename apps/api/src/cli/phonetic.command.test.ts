import { PassThrough, Readable } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { phoneticLine, registerPhoneticCommand, runPhonetic } from './phonetic.command.js';

describe('zemag phonetic', () => {
  it('prints each name with its code, several words separated by one space', () => {
    expect(phoneticLine('Müller-Lüdenscheidt')).toBe('Müller-Lüdenscheidt\t657 52682');
    expect(phoneticLine('Meyer')).toBe('Meyer\t67');
    expect(phoneticLine('')).toBe('\t');
  });

  it('reads one name per line and writes one line per name', async () => {
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
    await runPhonetic({ input: Readable.from(['Maier\r\nYılmaz\n', 'Heinz Classen']), output });
    expect(chunks.join('')).toBe('Maier\t67\nYılmaz\t0568\nHeinz Classen\t068 4586\n');
  });

  it('is registered as a command', () => {
    const program = new Command('zemag');
    registerPhoneticCommand(program);
    expect(program.commands.map((c) => c.name())).toContain('phonetic');
  });
});
