import { describe, expect, it } from 'vitest';
import { listingDefaults, missingListingCondition, type GroundIncident } from './listings.rules.js';

const incident = (over: Partial<GroundIncident> = {}): GroundIncident => ({
  id: over.id ?? 'a',
  status: 'confirmed',
  level: 2,
  complaintStatus: 'yes',
  categories: ['threat'],
  occurredAt: new Date('2026-03-01T10:00:00Z'),
  ...over,
});

describe('missingListingCondition', () => {
  it('accepts a confirmed level-2 incident with a criminal complaint', () => {
    expect(missingListingCondition(['a'], [incident()])).toBeNull();
  });
  it('names an incident that does not involve the person', () => {
    expect(missingListingCondition(['b'], [incident()])).toBe('listing.incident_other_person');
  });
  it('needs every chosen incident confirmed, and at least one', () => {
    expect(missingListingCondition([], [incident()])).toBe('listing.no_confirmed_incident');
    expect(missingListingCondition(['a'], [incident({ status: 'in_review' })])).toBe(
      'listing.no_confirmed_incident',
    );
  });
  it('needs level 2 or 3', () => {
    expect(missingListingCondition(['a'], [incident({ level: 1 })])).toBe('listing.level_too_low');
  });
  it('needs a filed complaint on a level-2/3 incident — planned is not enough', () => {
    expect(missingListingCondition(['a'], [incident({ complaintStatus: 'planned' })])).toBe(
      'listing.no_criminal_complaint',
    );
    const ok = [
      incident({ id: 'a', level: 1, complaintStatus: 'yes' }),
      incident({ id: 'b', level: 3, complaintStatus: 'yes' }),
    ];
    expect(missingListingCondition(['a', 'b'], ok)).toBeNull();
    const complaintOnlyOnLevel1 = [
      incident({ id: 'a', level: 1, complaintStatus: 'yes' }),
      incident({ id: 'b', level: 2, complaintStatus: 'no' }),
    ];
    expect(missingListingCondition(['a', 'b'], complaintOnlyOnLevel1)).toBe(
      'listing.no_criminal_complaint',
    );
  });
});

describe('listingDefaults', () => {
  it('takes the highest level, the listable categories and the latest incident', () => {
    const d = listingDefaults([
      incident({ id: 'a', level: 2, categories: ['insult', 'threat'] }),
      incident({
        id: 'b',
        level: 3,
        categories: ['weapon_or_tool'],
        occurredAt: new Date('2026-05-01T10:00:00Z'),
      }),
    ]);
    expect(d).toEqual({
      level: 3,
      categories: ['threat', 'weapon_or_tool'],
      latest: new Date('2026-05-01T10:00:00Z'),
    });
  });
});
