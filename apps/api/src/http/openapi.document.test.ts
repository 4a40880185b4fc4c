import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openApiText } from './openapi.document.js';

const CHECKED_IN = new URL('../../../../docs/openapi.json', import.meta.url);

describe('the checked-in OpenAPI document', () => {
  it('is the one the contract generates', async () => {
    const fresh = await openApiText();
    const stored = await readFile(CHECKED_IN, 'utf8');
    expect(
      stored === fresh,
      'docs/openapi.json is stale: regenerate it with `npm run -s zemag -- openapi --out docs/openapi.json` and commit it',
    ).toBe(true);
  });

  it('describes the problem answer once, as a component every route refers to', async () => {
    const text = await openApiText();
    const document = JSON.parse(text) as { components: { schemas: Record<string, unknown> } };
    expect(Object.keys(document.components.schemas)).toContain('Problem');
    // `requestId` is a member of Problem only: inlined copies would repeat it.
    expect(text.match(/"requestId"/g)).toHaveLength(1);
  });
});
