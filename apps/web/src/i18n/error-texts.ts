type Nested = { [key: string]: string | Nested };

/**
 * The error texts from the contracts as i18n keys under `errors` (`auth.invalid_credentials` →
 * `errors.auth.invalid_credentials`), merged over the app's own texts for client-side codes.
 */
export function withErrorTexts(own: Nested, texts: Readonly<Record<string, string>>): Nested {
  const errors: Nested = structuredClone(own);
  for (const [code, text] of Object.entries(texts)) {
    const parts = code.split('.');
    const last = parts.pop() as string;
    let node = errors;
    for (const part of parts) {
      const child = node[part];
      node = typeof child === 'object' ? child : (node[part] = {});
    }
    node[last] = text;
  }
  return errors;
}
