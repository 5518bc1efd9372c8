/** A synthetic site for the output tests: `count` files, of which generation `gen` changes a fifth and drops a few. */
export function siteFiles(count: number, gen: number): Array<{ path: string; contents: string }> {
  const files: Array<{ path: string; contents: string }> = [];
  for (let i = 0; i < count; i++) {
    // Generation g changes the files whose index is g mod 5, and drops every 97th of those.
    const changedIn = gen > 0 && i % 5 === gen % 5 ? gen : 0;
    if (changedIn > 0 && i % 97 === 0) continue;
    files.push({ path: `articles/a-${i}/index.html`, contents: `<p>article ${i}, version ${changedIn}</p>\n`.repeat(20) });
  }
  files.push({ path: 'index.html', contents: `<p>home, generation ${gen}</p>` });
  return files;
}
