import { randomUUID } from 'node:crypto';
import { IncidentReportInput, permissionsFor, type Role } from '@zemag/contracts';
import { findUserByUsername } from '../../apps/api/src/modules/identity/identity.repository.ts';
import { type Credentials, createAccount } from './accounts';
import type { TestServer } from './server';

/** Who reports in the register journeys. */
export const REPORTER: Credentials = {
  displayName: 'Paula Meldend',
  username: 'paula.meldend',
  password: 'ein langer Satz als Passwort',
};

/** Who confirms reports, keeps the person records and signs in to the browser. */
export const REGISTRAR: Credentials = {
  displayName: 'Rita Register',
  username: 'rita.register',
  password: 'noch ein langer Satz als Passwort',
};

/** The reporter and the registrar (who may report as well) as accounts of the server. */
export async function createReporterAndRegistrar(server: TestServer): Promise<void> {
  await createAccount(server, { ...REPORTER, roles: ['reporter'] });
  await createAccount(server, { ...REGISTRAR, roles: ['registrar', 'reporter'] });
}

/** What a report on one person says; the new person record gets the same name and birth date. */
export interface ReportOnOnePerson {
  familyName: string;
  givenNames: string;
  dateOfBirth?: string;
  /** When it happened, in days before now. */
  daysAgo: number;
  place: string;
  description: string;
  fileNumber: string;
}

/**
 * A report by the reporter, reviewed and confirmed by the registrar, its person linked to a
 * new person record — arranged through the services, as the journey starts after that.
 */
export async function confirmedReportOnNewPerson(server: TestServer, report: ReportOnOnePerson) {
  const reporter = await actorOf(server, REPORTER, ['reporter']);
  const registrar = await actorOf(server, REGISTRAR, ['registrar', 'reporter']);
  const { familyName, givenNames, dateOfBirth } = report;
  const person = { familyName, givenNames, ...(dateOfBirth ? { dateOfBirth } : {}) };
  const s = server.services;
  const { receipt } = await s.incidents.submit({
    actor: reporter,
    key: randomUUID(),
    report: IncidentReportInput.parse({
      occurredAt: new Date(Date.now() - report.daysAgo * 86_400_000).toISOString(),
      place: { description: report.place },
      categories: ['threat'],
      level: 2,
      description: report.description,
      criminalComplaint: { status: 'yes', fileNumber: report.fileNumber },
      persons: [person],
    }),
  });
  await s.incidents.startReview({ actor: registrar, id: receipt.id });
  await s.incidents.decide({
    actor: registrar,
    id: receipt.id,
    decision: { decision: 'confirm', note: '' },
  });
  const stored = await s.incidents.get({ actor: registrar, id: receipt.id });
  const record = await s.persons.link({
    actor: registrar,
    incidentId: receipt.id,
    involvedId: stored.persons[0]!.id,
    request: { create: person },
  });
  return { registrar, incident: receipt, person: record };
}

/** The service actor of an account created with these roles. */
async function actorOf(server: TestServer, who: Credentials, roles: Role[]) {
  const { user } = await findUserByUsername({ db: server.database.db, username: who.username });
  return { id: user!.id, abilities: permissionsFor(roles) };
}
