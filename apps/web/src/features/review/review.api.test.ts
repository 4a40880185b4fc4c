import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { fetchLetter, letterFileName } from './review.api';

const headers = (disposition?: string) => ({
  headers: new Headers(disposition ? { 'content-disposition': disposition } : {}),
});

describe('the notification letter', () => {
  it.each([
    ['attachment; filename="benachrichtigung-E-2026-0001.pdf"', 'benachrichtigung-E-2026-0001.pdf'],
    [
      "attachment; filename*=UTF-8''Benachrichtigung%20M%C3%BCller.pdf",
      'Benachrichtigung Müller.pdf',
    ],
    [undefined, 'benachrichtigung-12345678.pdf'],
  ])('names the file from %s', (disposition, name) => {
    expect(letterFileName(headers(disposition), '12345678-aaaa-4bbb-8ccc-dddddddddddd')).toBe(name);
  });

  it('gives the PDF with its name', async () => {
    const fake = (async () =>
      new Response(new Blob(['%PDF-1.7']), {
        status: 200,
        headers: {
          'content-type': 'application/pdf',
          'content-disposition': 'attachment; filename="b.pdf"',
        },
      })) as unknown as typeof fetch;
    const { blob, fileName } = await fetchLetter('x', fake);
    expect(fileName).toBe('b.pdf');
    expect(await blob.text()).toBe('%PDF-1.7');
  });

  it('turns a refusal into the server’s code', async () => {
    const fake = (async () =>
      new Response(
        JSON.stringify({
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          code: 'listing.wrong_status',
          detail: { de: 'x', en: 'x' },
        }),
        { status: 409, headers: { 'content-type': 'application/problem+json' } },
      )) as unknown as typeof fetch;
    await expect(fetchLetter('x', fake)).rejects.toMatchObject({ code: 'listing.wrong_status' });
    await expect(
      fetchLetter('x', (async () => {
        throw new TypeError('offline');
      }) as unknown as typeof fetch),
    ).rejects.toBeInstanceOf(ApiError);
  });
});
