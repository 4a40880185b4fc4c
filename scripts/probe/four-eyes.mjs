#!/usr/bin/env node
// Probe of issue 10, item 2: can one administrator get around four-eyes alone?
//
//   node scripts/probe/four-eyes.mjs BASE_URL ADMIN_USERNAME ADMIN_PASSWORD
//
// Runs the attack against a running server as administrator A and prints, step by step,
// whether it SUCCEEDED (bad), was REFUSED or is only PENDING (waits for a second person).
// (a) A makes a puppet account and learns its password (a password field if the API takes
//     one, otherwise the activation link A is shown), disables the only other administrator,
//     grants the puppet `admin`, re-enables the other administrator, and lets the puppet
//     confirm A's own four-eyes grant (registrar for a second puppet).
// (b) A makes a puppet in a department authorised for look-ups, grants it `field`, signs in
//     as the puppet and runs a look-up.
// A second administrator B is created first if A is alone (the first administrator may make
// the second one). The server must not require a second factor for admin/field/registrar
// (start it with ZEMAG_MFA_REQUIRED_ROLES=): with one, A would simply enrol the puppet's
// factor too, so it changes nothing about four-eyes. Creates accounts and a department named
// probe-<random>; run it on a throw-away instance only.

const [baseUrl, adminUsername, adminPassword] = process.argv.slice(2);
if (!baseUrl || !adminUsername || !adminPassword) {
  console.error('usage: node scripts/probe/four-eyes.mjs BASE_URL ADMIN_USERNAME ADMIN_PASSWORD');
  process.exit(2);
}
const run = Math.random().toString(36).slice(2, 8);
const PASSWORD = 'Marionette an langen Fäden 42';
const results = [];

function report(step, outcome, detail = '') {
  results.push({ step, outcome });
  console.log(`${outcome.padEnd(10)} ${step}${detail ? ` — ${detail}` : ''}`);
}

async function call(session, method, path, body) {
  const response = await fetch(new URL(path, baseUrl), {
    method,
    headers: {
      ...(session ? { cookie: session } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, json, headers: response.headers };
}

async function signIn(username, password) {
  const response = await fetch(new URL('/api/v1/session', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) return { ok: false, status: response.status };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => /zemag_session=/.test(c));
  const body = await response.json();
  return { ok: true, cookie, mfaSatisfied: body.mfa?.satisfied !== false };
}

/** A makes an account and learns its password by whatever the API offers. */
async function puppet(admin, name, departmentCode) {
  const username = `probe-${run}-${name}`;
  const input = { username, displayName: `Probe ${name}`, departmentCode };
  const withPassword = await call(admin, 'POST', '/api/v1/users', { ...input, password: PASSWORD });
  if (withPassword.status === 201) {
    return { id: withPassword.json.id, username, how: 'password set by the administrator' };
  }
  const created = await call(admin, 'POST', '/api/v1/users', input);
  if (created.status !== 201) throw new Error(`cannot create ${username}: ${created.status}`);
  const link = created.json.activationLink?.url;
  if (!link) return { id: created.json.id, username, how: null };
  const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token');
  const activated = await call(null, 'POST', '/api/v1/activation', { token, password: PASSWORD });
  return {
    id: created.json.id,
    username,
    how: activated.status === 200 ? 'administrator opened the activation link' : null,
  };
}

const grant = (admin, userId, role) =>
  call(admin, 'POST', `/api/v1/users/${userId}/grants`, { role });

function grantOutcome(response) {
  if (response.status !== 201)
    return ['REFUSED', `HTTP ${response.status} ${response.json?.code ?? ''}`];
  return response.json.status === 'active'
    ? ['SUCCEEDED', 'active at once']
    : ['PENDING', 'waits for a second administrator'];
}

async function main() {
  console.log(`four-eyes probe against ${baseUrl} as ${adminUsername} (run ${run})`);
  const a = await signIn(adminUsername, adminPassword);
  if (!a.ok || !a.mfaSatisfied) {
    console.error(
      `cannot sign in as ${adminUsername} without a second factor (HTTP ${a.status ?? 200})`,
    );
    process.exit(2);
  }
  const admin = a.cookie;

  const dept = await call(admin, 'POST', '/api/v1/departments', {
    code: `PROBE-${run}`,
    name: `Probe ${run}`,
    parentCode: null,
    contact: null,
    phone: '01234 567-999',
    lookupAuthorised: true,
    lookupAuthorisationReason: 'Sicherheitsprobe des Vier-Augen-Prinzips',
  });
  if (dept.status !== 201) throw new Error(`cannot create department: ${dept.status}`);
  const departmentCode = dept.json.code;

  // the second administrator B
  const admins = await call(admin, 'GET', '/api/v1/users?role=admin&status=all&limit=200');
  const me = (await call(admin, 'GET', '/api/v1/session')).json.user;
  let other = admins.json.users.find((u) => u.id !== me.id && u.roles.includes('admin'));
  if (!other) {
    const b = await puppet(admin, 'second-admin', departmentCode);
    const granted = await grant(admin, b.id, 'admin');
    console.log(
      `setup: second administrator ${b.username} created (${granted.json?.status ?? granted.status})`,
    );
    other = { id: b.id, username: b.username };
  } else {
    console.log(`setup: second administrator ${other.username} exists`);
  }

  console.log('\n(a) puppet administrator');
  const p = await puppet(admin, 'puppet-admin', departmentCode);
  report(
    'a1 administrator knows the password of a new account',
    p.how ? 'SUCCEEDED' : 'REFUSED',
    p.how ?? '',
  );
  const disabled = await call(admin, 'POST', `/api/v1/users/${other.id}/disable`, {
    reason: 'Probe: the other administrator is switched off',
  });
  report(
    'a2 disable the only other administrator alone',
    disabled.status === 200 && disabled.json.disabled
      ? 'SUCCEEDED'
      : disabled.status === 202
        ? 'PENDING'
        : 'REFUSED',
    `HTTP ${disabled.status}`,
  );
  const [adminOutcome, adminDetail] = grantOutcome(await grant(admin, p.id, 'admin'));
  report('a3 grant the puppet admin', adminOutcome, adminDetail);
  const wasDisabled = disabled.status === 200 && disabled.json.disabled;
  const enabled = await call(admin, 'POST', `/api/v1/users/${other.id}/enable`);
  report(
    'a4 re-enable the other administrator',
    !wasDisabled
      ? 'NOT NEEDED'
      : enabled.status === 200
        ? 'SUCCEEDED'
        : enabled.status === 202
          ? 'PENDING'
          : 'REFUSED',
    `HTTP ${enabled.status}, other administrator ${enabled.json?.disabled ? 'disabled' : 'enabled'}`,
  );
  const q = await puppet(admin, 'puppet-registrar', departmentCode);
  const registrar = await grant(admin, q.id, 'registrar');
  let confirmOutcome = ['REFUSED', 'puppet cannot sign in'];
  const ps = p.how ? await signIn(p.username, PASSWORD) : { ok: false };
  if (ps.ok && registrar.json?.status === 'pending') {
    const confirmed = await call(
      ps.cookie,
      'POST',
      `/api/v1/users/${q.id}/grants/registrar/confirm`,
    );
    confirmOutcome =
      confirmed.status === 204
        ? ['SUCCEEDED', 'registrar active']
        : ['REFUSED', `HTTP ${confirmed.status}`];
  } else if (registrar.json?.status === 'active') confirmOutcome = ['SUCCEEDED', 'active at once'];
  report("a5 the puppet confirms A's own registrar grant", ...confirmOutcome);

  console.log('\n(b) puppet field worker');
  const f = await puppet(admin, 'puppet-field', departmentCode);
  report(
    'b1 administrator knows the password of a new account',
    f.how ? 'SUCCEEDED' : 'REFUSED',
    f.how ?? '',
  );
  const [fieldOutcome, fieldDetail] = grantOutcome(await grant(admin, f.id, 'field'));
  report('b2 grant the puppet field', fieldOutcome, fieldDetail);
  let lookupOutcome = ['REFUSED', 'puppet cannot sign in'];
  const fs = f.how ? await signIn(f.username, PASSWORD) : { ok: false };
  if (fs.ok) {
    const lookup = await call(fs.cookie, 'POST', '/api/v1/lookups', {
      familyName: 'Mustermann',
      purpose: { fileNumber: `PROBE-${run}`, reason: 'home_visit' },
    });
    lookupOutcome =
      lookup.status === 200
        ? ['SUCCEEDED', 'register content answered to the administrator']
        : ['REFUSED', `HTTP ${lookup.status}`];
  }
  report('b3 the administrator runs a look-up as the puppet', ...lookupOutcome);

  const bypassed = results.some((r) => r.outcome === 'SUCCEEDED' && /^(a3|a5|b2|b3)/.test(r.step));
  console.log(
    `\nresult: ${bypassed ? 'FOUR-EYES BYPASSED by one administrator' : 'four-eyes held: no puppet got admin, registrar or field alone'}`,
  );
  process.exit(bypassed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
