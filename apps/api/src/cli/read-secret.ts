import readline from 'node:readline';
import { Writable } from 'node:stream';

/**
 * Reads a secret: the first line of standard input (`fromStdin`, for scripts), or a prompt on
 * the terminal that does not echo what is typed.
 */
export async function readSecret({ prompt, fromStdin }: { prompt: string; fromStdin: boolean }) {
  if (fromStdin || !process.stdin.isTTY) {
    const lines = readline.createInterface({ input: process.stdin, terminal: false });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    return '';
  }
  process.stderr.write(prompt);
  let muted = true;
  const silent = new Writable({
    write(_chunk, _encoding, done) {
      if (!muted) process.stderr.write(_chunk);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output: silent, terminal: true });
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  muted = false;
  rl.close();
  process.stderr.write('\n');
  return answer;
}
