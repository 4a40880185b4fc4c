import { describe, expect, it } from 'vitest';
import { catalogues } from '../../i18n/catalogues';
import {
  ACTION_FILTERS,
  actionLabelKey,
  shownPersonIds,
  subjectLabelKey,
  subjectPersonId,
} from './audit-actions';

const ID = '3f2a9c1d-5b6e-4f70-8a91-0c2d3e4f5a6b';
const OTHER = '00000000-0000-4000-8000-000000000001';

function text(language: 'de' | 'en', key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null
          ? (node as Record<string, unknown>)[part]
          : undefined,
      catalogues[language],
    );
}

describe('names of actions for people', () => {
  it.each([
    ['register.lookup', 'audit.actionNames.register.lookup', 'Abfrage'],
    ['audit.export', 'audit.actionNames.audit.export', 'Protokoll exportiert'],
    ['person.update_legacy', 'audit.families.person', 'Personen'],
    ['grant.granted', 'audit.families.grant', 'Rollen'],
    ['alarm.acknowledge', 'audit.families.alarm', 'Stiller Alarm'],
  ])('%s → %s', (action, key, german) => {
    expect(actionLabelKey(action)).toBe(key);
    expect(text('de', key)).toBe(german);
    expect(typeof text('en', key)).toBe('string');
  });

  it('leaves an unknown action to its technical name', () => {
    expect(actionLabelKey('demo.seeded')).toBeNull();
    expect(actionLabelKey('')).toBeNull();
  });

  it('offers the families the issue names, each with a German and an English label', () => {
    expect(ACTION_FILTERS.map((f) => f.value)).toEqual([
      '',
      'register.lookup',
      'register.visit_list',
      'person.',
      'listing.',
      'incident.',
      'auth.',
      'audit.',
    ]);
    for (const { key } of ACTION_FILTERS) {
      expect(typeof text('de', `audit.actionFilter.${key}`)).toBe('string');
      expect(typeof text('en', `audit.actionFilter.${key}`)).toBe('string');
    }
    expect(text('de', 'audit.actionFilter.audit')).toBe('Protokoll-Einsicht');
  });

  it('names the things an event is about', () => {
    expect(subjectLabelKey('person')).toBe('audit.subjects.person');
    expect(subjectLabelKey('something_new')).toBeNull();
  });
});

describe('the persons an event leads to', () => {
  it('takes the ids a look-up showed, once each, and nothing else', () => {
    expect(shownPersonIds({ personIds: [ID, OTHER, ID, 'x', 7, null] })).toEqual([ID, OTHER]);
    expect(shownPersonIds({ personIds: 'no list' })).toEqual([]);
    expect(shownPersonIds({})).toEqual([]);
  });

  it('takes the subject only when it is a person', () => {
    expect(subjectPersonId({ type: 'person', id: ID })).toBe(ID);
    expect(subjectPersonId({ type: 'incident', id: ID })).toBeNull();
    expect(subjectPersonId({ type: 'person', id: 'legacy-7' })).toBeNull();
    expect(subjectPersonId(null)).toBeNull();
  });
});
