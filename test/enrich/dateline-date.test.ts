import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/build.js';
import { article, cleanupTemp, tempDir, writeSeeds } from '../safety/seed-folders.js';

afterAll(cleanupTemp);

describe('every dated article showed "Photo dated" (issue 10: the article date from a wire dateline)', () => {
  it('takes the date of a Reuters dateline, its year from the caption, and keeps the caption date as photoDate', async () => {
    const seeds = writeSeeds(path.join(tempDir('dateline'), 'seeds'), {
      'a.txt': article('Strikes Hit Southern Lebanon', [
        'BEIRUT, March 5 (Reuters) - Israeli strikes hit several villages in southern Lebanon on Wednesday, officials said.',
        'Residents fled north along the coastal road.',
      ], 'Smoke rises over a village in southern Lebanon, March 4, 2025. (Reuters)'),
    });
    const built = await buildArchive({ seedsDir: seeds, search: false });
    const a = built.articles[0]!;
    expect(a.date).toBe('2025-03-05');
    expect(a.dateSource).toBe('dateline');
    expect(a.photoDate).toBe('2025-03-04');
  });
});
