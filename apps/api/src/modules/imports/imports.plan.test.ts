import { describe, expect, it } from 'vitest';
import { planDepartmentImport } from './departments.import.js';
import { readCsv, readFlag, type CsvTable } from './imports.csv.js';
import { planUserImport, type ExistingUser } from './users.import.js';

async function table(csv: string): Promise<CsvTable> {
  const result = await readCsv(csv);
  if (!result.ok) throw new Error(`unreadable: ${result.reason}`);
  return result.table;
}

describe('reading CSV', () => {
  it('reads German Excel exports (BOM, semicolons, quotes) and comma files alike', async () => {
    const semi = await table(
      '\uFEFFCode;Name;Contact\n32;"Ordnungsamt; Außendienst";"Tel. 0221 ""intern"""\n\n',
    );
    expect(semi.columns).toEqual(['code', 'name', 'contact']);
    expect(semi.records).toEqual([
      {
        row: 1,
        values: { code: '32', name: 'Ordnungsamt; Außendienst', contact: 'Tel. 0221 "intern"' },
      },
    ]);
    expect((await table('code,name\n50,Sozialamt\n')).records[0]?.values).toEqual({
      code: '50',
      name: 'Sozialamt',
    });
  });

  it('names the line of a malformed row', async () => {
    expect(await readCsv('code;name\n32;Ordnungsamt\n33;Zu;viele\n')).toMatchObject({
      ok: false,
      row: 2,
    });
    expect(await readCsv('')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it.each([
    ['ja', true],
    ['Nein', false],
    ['1', true],
    ['', false],
    ['vielleicht', null],
  ])('reads %j as %s', (value, expected) => {
    expect(readFlag(value)).toBe(expected);
  });
});

describe('planning a department import', () => {
  const header = 'code;name;parent_code;contact;phone;lookup_authorised;lookup_reason\n';
  it('creates parents before children and leaves unchanged rows alone', async () => {
    const existing = [
      {
        code: '50',
        name: 'Sozialamt',
        parentCode: null,
        contact: null,
        phone: null,
        lookupAuthorised: false,
        lookupAuthorisationReason: null,
      },
    ];
    const plan = planDepartmentImport(
      await table(
        `${header}32-1;Ordnungsdienst;32;;0221 221-3210;ja;Hausbesuche im Vollzug\n32;Ordnungsamt;;;+49 221 221-32;nein;\n50;Sozialamt;;;;nein;\n`,
      ),
      existing,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.ops.map((o) => [o.data.code, o.kind])).toEqual([
      ['32', 'create'],
      ['50', 'unchanged'],
      ['32-1', 'create'],
    ]);
    expect(plan.ops.map((o) => o.data.phone)).toEqual(['+49 221 221-32', null, '0221 221-3210']);
  });

  it('asks a new department for a telephone number and refuses one that is none', async () => {
    const plan = planDepartmentImport(
      await table(`${header}60;Ohne Telefon;;;;nein;\n61;Falsch;;;bitte anrufen;nein;\n`),
      [],
    );
    expect(plan.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      '1:phone:value.required',
      '2:phone:value.invalid',
    ]);
  });

  it('reports every bad row and field and plans nothing', async () => {
    const plan = planDepartmentImport(
      await table(
        `${header};Ohne Code;;;0221 1;nein;\n40;Amt;99;;0221 1;ja;kurz\n40;Doppelt;;;0221 1;vielleicht;\n41;Kreis;42;;0221 1;nein;\n42;Kreis;41;;0221 1;nein;\n`,
      ),
      [],
    );
    expect(plan.ops).toEqual([]);
    expect(plan.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      '1:code:value.required',
      '2:lookup_reason:reason.required',
      '3:code:value.duplicate',
      '3:lookup_authorised:flag.invalid',
      '4:parent_code:department.parent_cycle',
      '5:parent_code:department.parent_cycle',
    ]);
  });

  it('names a missing column', async () => {
    expect(planDepartmentImport(await table('code;titel\n1;x\n'), []).errors).toEqual([
      expect.objectContaining({ row: 0, field: 'name', code: 'column.missing' }),
    ]);
  });
});

describe('planning a user import', () => {
  const departments = new Map([
    ['32', { authorised: true }],
    ['50', { authorised: false }],
  ]);
  const existing = new Map<string, ExistingUser>([
    [
      'anna.b',
      {
        id: 'u1',
        username: 'anna.b',
        displayName: 'Anna B.',
        departmentCode: '32',
        disabled: false,
        roles: ['reporter', 'field'],
      },
    ],
    [
      'dora.d',
      {
        id: 'u2',
        username: 'dora.d',
        displayName: 'Dora D.',
        departmentCode: '50',
        disabled: true,
        roles: ['reporter'],
      },
    ],
    [
      'pia.p',
      {
        id: 'u3',
        username: 'pia.p',
        displayName: 'Pia P.',
        departmentCode: '32',
        disabled: false,
        roles: ['reporter', 'dpo'],
      },
    ],
  ]);
  const header = 'username;display_name;department_code;roles\n';

  it('creates, updates and leaves alone; re-running adds nothing', async () => {
    const plan = planUserImport(
      await table(
        `${header}Anna.B;Anna B.;32;field\nbert.c;Bert C.;32;field control_room\nanna.x;Anna X.;50;\n`,
      ),
      {
        existing,
        departments,
        actorUsername: 'admin',
      },
    );
    expect(plan.errors).toEqual([]);
    expect(plan.ops.map((o) => [o.username, o.kind, o.addRoles])).toEqual([
      ['anna.b', 'unchanged', []],
      ['bert.c', 'create', ['field', 'control_room']],
      ['anna.x', 'create', []],
    ]);
  });

  it('refuses four-eyes roles, field outside authorised departments, disabled users, self-grants and conflicts', async () => {
    const plan = planUserImport(
      await table(
        `${header}neu.a;Neu A;32;registrar\nneu.b;Neu B;50;field\ndora.d;Dora D.;50;control_room\nadmin;Admin;32;field\npia.p;Pia P.;32;field\nneu.c;;99;\n`,
      ),
      { existing, departments, actorUsername: 'admin' },
    );
    expect(plan.ops).toEqual([]);
    expect(plan.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      '1:roles:role.not_importable',
      '2:roles:grant.department_not_authorised',
      '3:roles:user.disabled',
      '4:roles:grant.self_grant',
      '5:roles:grant.incompatible_roles',
      '6:display_name:value.required',
      '6:department_code:department.unknown',
    ]);
  });
});
