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
    const { captionCredit } = await import('../../src/text/text-key.js');
    expect(normaliseCredit(captionCredit('Smoke rises. (Photo by Jane Doe (AFP))')!, creditAliases)).toBe('Jane Doe (AFP)');
  });
});

describe('parseCredit: the agency and the photographer apart (issue 10.3)', async () => {
  const { parseCredit } = await import('../../src/enrich/parse-credit.js');
  const { readFileSync, readdirSync } = await import('node:fs');
  const { captionCredit } = await import('../../src/text/text-key.js');
  const seeds = new URL('../../seeds/', import.meta.url);
  // Every credit printed in the sample seeds, as the build normalises it.
  const credits = new Set(
    readdirSync(seeds).filter((f) => f.endsWith('.txt'))
      .flatMap((f) => readFileSync(new URL(f, seeds), 'utf8').split('\n'))
      .map((line) => captionCredit(line.trim()))
      .filter((c): c is string => c !== null)
      .map((c) => normaliseCredit(c, creditAliases)),
  );

  it('gives the real credit strings of the samples one agency page each', () => {
    expect([...credits].sort()).toEqual(['AFP', 'Dalati & Nohra/Handout via Reuters', 'Reuters']);
    expect(parseCredit('Reuters', creditAliases)).toEqual({ agency: 'Reuters', photographer: null });
    expect(parseCredit('AFP', creditAliases)).toEqual({ agency: 'AFP', photographer: null });
    expect(parseCredit('Dalati & Nohra/Handout via Reuters', creditAliases)).toEqual({ agency: 'Reuters', photographer: 'Dalati & Nohra' });
  });

  it('reads the other usual shapes', () => {
    expect(parseCredit('Handout via Reuters', creditAliases)).toEqual({ agency: 'Reuters', photographer: null });
    expect(parseCredit('Royal Hashemite Court/Handout via Reuters', creditAliases)).toEqual({ agency: 'Reuters', photographer: 'Royal Hashemite Court' });
    expect(parseCredit('AP Photo/Hussein Malla', creditAliases)).toEqual({ agency: 'AP', photographer: 'Hussein Malla' });
    expect(parseCredit('Jane Doe (AFP)', creditAliases)).toEqual({ agency: 'AFP', photographer: 'Jane Doe' });
    expect(parseCredit('Mohammed Salem/Reuters', creditAliases)).toEqual({ agency: 'Reuters', photographer: 'Mohammed Salem' });
    expect(parseCredit('Pool via AP', creditAliases)).toEqual({ agency: 'AP', photographer: null });
    expect(parseCredit('Courtesy of the ministry', creditAliases)).toEqual({ agency: 'Courtesy of the ministry', photographer: null });
  });
});
