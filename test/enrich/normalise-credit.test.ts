import { describe, expect, it } from 'vitest';
import { loadEnrichment } from '../../src/enrich/load-enrichment.js';
import { normaliseCredit } from '../../src/stages/enrich-article.js';

const { creditAliases } = loadEnrichment();

describe('normaliseCredit', () => {
  it('names agencies the usual way and keeps any other credit’s text', () => {
    expect(normaliseCredit('Agence France-Presse', creditAliases)).toBe('AFP');
    expect(normaliseCredit('The Associated Press', creditAliases)).toBe('AP');
    expect(normaliseCredit('Handout via Reuters', creditAliases)).toBe('Handout via Reuters');
    expect(normaliseCredit('Dalati & Nohra/Handout via Reuters', creditAliases)).toBe('Dalati & Nohra/Handout via Reuters');
  });

  it('drops a Photo:/Photo by label', () => {
    expect(normaliseCredit('Photo: AFP', creditAliases)).toBe('AFP');
    expect(normaliseCredit('Photo by Reuters', creditAliases)).toBe('Reuters');
    expect(normaliseCredit('Photo', creditAliases)).toBe('Photo');
  });
});

describe('credits in nested parentheses', () => {
  it('reads (Photo by Jane Doe (AFP)) as the credit Jane Doe (AFP)', async () => {
    const { captionCredit } = await import('../../src/parse/text-key.js');
    expect(normaliseCredit(captionCredit('Smoke rises. (Photo by Jane Doe (AFP))')!, creditAliases)).toBe('Jane Doe (AFP)');
  });
});
