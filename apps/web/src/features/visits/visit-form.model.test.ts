import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import type { Translator } from '../../api/problem-message';
import { countLines, toVisitRequest, visitFailure, visitProblemText } from './visit-form.model';

const draft = {
  fileNumber: ' VZ 2026/1 ',
  reason: 'enforcement',
  text: 'Meyer, Hans\n',
  keep: true,
};

describe('the visit list form', () => {
  it('sends the text as it is with the purpose trimmed', () => {
    expect(toVisitRequest(draft).request).toEqual({
      purpose: { fileNumber: 'VZ 2026/1', reason: 'enforcement' },
      text: 'Meyer, Hans\n',
    });
  });

  it('needs a purpose and some text', () => {
    expect(toVisitRequest({ ...draft, fileNumber: '', reason: '', text: ' \n' }).problems).toEqual([
      { field: 'fileNumber', code: 'required' },
      { field: 'reason', code: 'required' },
      { field: 'text', code: 'required' },
    ]);
  });

  it('counts the lines that are not blank', () => {
    expect(countLines('a\r\n\n b \n  \nc')).toBe(3);
  });

  it("shows the server's refusal of a long list at the text", () => {
    const tr: Translator = {
      language: 'de',
      exists: (key) => key === 'visits.fieldErrors.text.visit_list.too_many_entries',
      t: () => 'Höchstens 100 Einträge.',
    };
    const failure = visitFailure(
      new ApiError({
        status: 400,
        code: 'visit_list.too_many_entries',
        fieldErrors: [
          {
            field: 'text',
            code: 'visit_list.too_many_entries',
            message: { de: 'zu viele', en: 'too many' },
          },
        ],
      }),
      tr,
    );
    expect(failure.message).toBeNull();
    expect(failure.problems.map((p) => [p.field, visitProblemText(p, tr)])).toEqual([
      ['text', 'Höchstens 100 Einträge.'],
    ]);
  });
});
