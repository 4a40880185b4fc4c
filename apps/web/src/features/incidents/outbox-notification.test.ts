import { describe, expect, it } from 'vitest';
import { arrivalNotification } from './outbox-notification';

describe('the notification of reports that arrived in the background', () => {
  it('names the reference number in German by default', () => {
    expect(arrivalNotification(undefined, ['V-2026-00001'])).toEqual({
      title: 'Meldung eingegangen',
      body: 'Nr. V-2026-00001',
    });
  });

  it('speaks English when the app was set to English', () => {
    expect(arrivalNotification('en', ['V-2026-00001', 'V-2026-00002'])).toEqual({
      title: '2 reports arrived',
      body: 'No. V-2026-00001, No. V-2026-00002',
    });
  });

  it('still confirms an arrival the server sent no new number for', () => {
    expect(arrivalNotification('de', [null])).toEqual({
      title: 'Meldung eingegangen',
      body: 'Ihre Meldung ist eingegangen.',
    });
  });
});
