// Probe: does the sign-in throttle hold under parallel attempts for one account?
//
//   node scripts/probe/throttle-race.mjs <base-url> <username> <password> [options]
//
//   --attempts N     parallel attempts (default 100)
//   --right-at K     attempt K (1-based) sends the right password; the others a wrong one
//                    (default: none, every attempt is wrong)
//   --one-address    send every attempt from the same client address; by default each comes
//                    from its own loopback address 127.0.71.N (a loopback base URL only), so
//                    only the per-account throttle can stop them
//
// Prints one JSON line: how many attempts were answered 200, 401 and 429 (and anything else),
// what the right-password attempt got, and how many passwords the server checked (200 + 401:
// a 429 is answered before the password is looked at).
// Run it only against a server of your own: it locks the account for up to 15 minutes.
import http from 'node:http';
import https from 'node:https';

const [baseUrl, username, password, ...rest] = process.argv.slice(2);
if (!baseUrl || !username || !password) {
  process.stderr.write(
    'usage: node scripts/probe/throttle-race.mjs <base-url> <username> <password> ' +
      '[--attempts N] [--right-at K] [--one-address]\n',
  );
  process.exit(64);
}

function option(name, fallback) {
  const index = rest.indexOf(name);
  if (index === -1) return fallback;
  const value = Number.parseInt(rest[index + 1] ?? '', 10);
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`${name} needs a positive whole number\n`);
    process.exit(64);
  }
  return value;
}
const attempts = option('--attempts', 100);
const rightAt = option('--right-at', 0);
const url = new URL('/api/v1/session', baseUrl);
const loopback = ['localhost', '127.0.0.1'].includes(url.hostname);
const spread = loopback && !rest.includes('--one-address');
if (spread && attempts > 250 * 250) {
  process.stderr.write('too many attempts for distinct loopback addresses\n');
  process.exit(64);
}

/** The n-th attempt's own loopback address: 127.0.71.1 … then 127.0.72.1 … */
function addressOf(n) {
  return `127.0.${71 + Math.floor((n - 1) / 250)}.${((n - 1) % 250) + 1}`;
}

function attempt(n) {
  const body = JSON.stringify({
    username,
    password: n === rightAt ? password : `${password} falsch ${n}`,
  });
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        ...(spread ? { localAddress: addressOf(n) } : {}),
        agent: false,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(String(response.statusCode)));
      },
    );
    request.on('error', (error) => resolve(`error:${error.code ?? error.message}`));
    request.end(body);
  });
}

const started = performance.now();
const answers = await Promise.all(Array.from({ length: attempts }, (_, i) => attempt(i + 1)));
const counts = {};
for (const answer of answers) counts[answer] = (counts[answer] ?? 0) + 1;
process.stdout.write(
  `${JSON.stringify({
    attempts,
    addresses: spread ? 'one per attempt' : 'one',
    answers: counts,
    passwordsChecked: (counts['200'] ?? 0) + (counts['401'] ?? 0),
    ...(rightAt ? { rightAt, rightAnswer: answers[rightAt - 1] } : {}),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  })}\n`,
);
