/** A run of consecutive non-empty lines, with the number of blank lines before it. */
export interface Block {
  /** 1-based line number of the block's first line in the seed file. */
  readonly line: number;
  readonly lines: readonly string[];
  readonly blanksBefore: number;
}

/**
 * Groups normalised lines into blocks separated by blank lines; `firstLine` is the 1-based
 * number of `lines[0]` in the file.
 */
export function splitBlocks(lines: readonly string[], firstLine: number): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  let start = 0;
  let blanks = 0;
  let blanksBefore = 0;
  lines.forEach((line, i) => {
    if (line === '') {
      if (current.length > 0) {
        blocks.push({ line: start, lines: current, blanksBefore });
        current = [];
        blanks = 0;
      }
      blanks++;
      return;
    }
    if (current.length === 0) {
      start = firstLine + i;
      blanksBefore = blanks;
    }
    current.push(line);
  });
  if (current.length > 0) blocks.push({ line: start, lines: current, blanksBefore });
  return blocks;
}
