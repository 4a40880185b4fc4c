import type { Correction } from '@zemag/contracts';
import { INCIDENT_FACTS } from './incident-correction.model';
import { addressLine, personName } from './review.model';

/** How the history names stored values: the app's labels and dates in the UI language. */
export interface ValueLabels {
  /** A (partial) calendar date: `1978-03-14`, `1978-03` or `1978`. */
  date(value: string): string;
  /** An instant (ISO 8601). */
  dateTime(value: string): string;
  category(key: string): string;
  level(level: number): string;
  injuries(key: string): string;
  complaint(status: string): string;
  fileNumber(number: string): string;
  yesNo(value: boolean | null): string;
  nameKind(kind: string): string;
  position(position: {
    latitude: number;
    longitude: number;
    accuracyMeters: number | null;
  }): string;
  born(date: string): string;
}

/** One changed field of a correction: its stored name, old and new value as lines of text. */
export interface CorrectionLine {
  field: string;
  from: string[];
  to: string[];
}

type Dict = Record<string, unknown>;
const NONE = ['–'];

const isDict = (v: unknown): v is Dict => v !== null && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null);
const lines = (values: (string | null)[]) => {
  const kept = values.filter((v): v is string => v !== null && v !== '');
  return kept.length > 0 ? kept : NONE;
};

function addressText(a: Dict, labels: ValueLabels): string | null {
  const street = text(a.street);
  if (!street) return null;
  const line = addressLine({
    street,
    houseNumber: text(a.houseNumber),
    postalCode: text(a.postalCode),
    city: text(a.city),
  });
  const from = text(a.validFrom);
  const to = text(a.validTo);
  if (!from && !to) return line;
  const span = `${from ? labels.date(from) : '…'} – ${to ? labels.date(to) : '…'}`;
  return `${line} (${span})`;
}

function placeLines(p: Dict, labels: ValueLabels): string[] {
  const position = isDict(p.position) ? p.position : null;
  return lines([
    isDict(p.address) ? addressText(p.address, labels) : null,
    text(p.description),
    position && typeof position.latitude === 'number' && typeof position.longitude === 'number'
      ? labels.position({
          latitude: position.latitude,
          longitude: position.longitude,
          accuracyMeters:
            typeof position.accuracyMeters === 'number' ? position.accuracyMeters : null,
        })
      : null,
  ]);
}

function involvedLines(p: Dict, labels: ValueLabels): string[] {
  const born = text(p.dateOfBirth);
  return lines([
    personName({ familyName: text(p.familyName), givenNames: text(p.givenNames) }),
    born ? labels.born(labels.date(born)) : null,
    isDict(p.address) ? addressText(p.address, labels) : null,
    text(p.description),
  ]);
}

/** A stored old or new value as the registrar reads it, one entry per line. */
export function valueLines(field: string, value: unknown, labels: ValueLabels): string[] {
  if (value === null || value === undefined || value === '') return NONE;
  const base = field.split('.')[0];
  switch (base) {
    case 'occurredAt':
      return [labels.dateTime(String(value))];
    case 'dateOfBirth':
      return [labels.date(String(value))];
    case 'categories':
      return Array.isArray(value) && value.length > 0
        ? [value.map((c) => labels.category(String(c))).join(', ')]
        : NONE;
    case 'level':
      return [labels.level(Number(value))];
    case 'injuries':
      return [labels.injuries(String(value))];
    case 'policeInvolved':
      return [labels.yesNo(typeof value === 'boolean' ? value : null)];
    case 'criminalComplaint': {
      if (!isDict(value)) return NONE;
      const number = text(value.fileNumber);
      const status = labels.complaint(String(value.status));
      return [number ? `${status} – ${labels.fileNumber(number)}` : status];
    }
    case 'place':
      return isDict(value) ? placeLines(value, labels) : NONE;
    case 'persons':
      return isDict(value) ? involvedLines(value, labels) : NONE;
    case 'names':
      return Array.isArray(value)
        ? lines(
            value.filter(isDict).map((n) => {
              const name = personName({
                familyName: text(n.familyName),
                givenNames: text(n.givenNames),
              });
              return `${name} (${labels.nameKind(String(n.kind))})`;
            }),
          )
        : NONE;
    case 'addresses':
      return Array.isArray(value)
        ? lines(value.filter(isDict).map((a) => addressText(a, labels)))
        : NONE;
    default:
      return [typeof value === 'string' ? value : JSON.stringify(value)];
  }
}

/** The order of the forms (the database keeps the changed fields in an order of its own). */
const FIELD_ORDER: readonly string[] = [
  ...['familyName', 'givenNames', 'dateOfBirth', 'names', 'addresses'],
  ...INCIDENT_FACTS,
  'persons',
];

function rank(field: string): [number, number] {
  const [base = field, index] = field.split('.');
  const at = FIELD_ORDER.indexOf(base);
  return [at < 0 ? FIELD_ORDER.length : at, Number(index ?? 0)];
}

/** The changed fields of a correction in the order of the form, each with old and new lines. */
export function correctionLines(correction: Correction, labels: ValueLabels): CorrectionLine[] {
  return Object.entries(correction.changes)
    .map(([field, change]) => ({
      field,
      from: valueLines(field, change.from, labels),
      to: valueLines(field, change.to, labels),
    }))
    .sort((a, b) => {
      const [x, i] = rank(a.field);
      const [y, j] = rank(b.field);
      return x - y || i - j;
    });
}
