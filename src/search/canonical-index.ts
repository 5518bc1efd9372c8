import { decode, encode } from 'cborg';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

/** A file of Pagefind's bundle: its path under `pagefind/` and its bytes. */
export interface BundleFile {
  readonly path: string;
  readonly content: Uint8Array;
}

const signature = Buffer.from('pagefind_dcd');

function unpack(bytes: Uint8Array): unknown {
  const raw = gunzipSync(bytes);
  if (!raw.subarray(0, signature.length).equals(signature)) throw new Error('not a Pagefind data file');
  return decode(raw.subarray(signature.length));
}

function pack(value: unknown): Buffer {
  // Node's gzip writes no time stamp: the same bytes in give the same bytes out.
  return gzipSync(Buffer.concat([signature, encode(value)]), { level: 9 });
}

const hash = (bytes: Uint8Array, length: number): string => createHash('sha256').update(bytes).digest('hex').slice(0, length);

/**
 * Pagefind writes each filter's values in hash-map order, which changes from run to run, and
 * names files by the hash of their bytes, so the filter files, the metadata file naming them and
 * `pagefind-entry.json` differ between identical builds. This sorts every filter's values,
 * renames the files by the hash of the sorted bytes and rewrites the references: the same
 * archive now gives the same search bundle, byte for byte.
 */
export function canonicalizeIndex(files: readonly BundleFile[]): BundleFile[] {
  const renamed = new Map<string, string>(); // old hash id (en_cd4622e) → new
  const out: BundleFile[] = [];
  for (const f of files) {
    const m = /^filter\/(([a-z-]+)_[0-9a-f]+)\.pf_filter$/i.exec(f.path);
    if (!m) continue;
    const [name, values] = unpack(f.content) as [string, Array<[string, number[]]>];
    const sorted = [...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const content = pack([name, sorted]);
    const id = `${m[2]}_${hash(content, m[1]!.length - m[2]!.length - 1)}`;
    renamed.set(m[1]!, id);
    out.push({ path: `filter/${id}.pf_filter`, content });
  }
  const metaIds = new Map<string, string>();
  for (const f of files) {
    const m = /^pagefind\.(([a-z-]+)_[0-9a-f]+)\.pf_meta$/i.exec(f.path);
    if (!m) continue;
    const meta = unpack(f.content) as unknown[];
    // The filters and sort keys are listed in hash-map order too: sort them by name.
    const byName = (a: [string, unknown], b: [string, unknown]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    const filters = (meta[3] as Array<[string, string]>).map(([name, id]): [string, string] => [name, renamed.get(id) ?? id]).sort(byName);
    const sorts = [...(meta[4] as Array<[string, unknown]>)].sort(byName);
    const content = pack([...meta.slice(0, 3), filters, sorts, ...meta.slice(5)]);
    const id = `${m[2]}_${hash(content, m[1]!.length - m[2]!.length - 1)}`;
    metaIds.set(m[1]!, id);
    out.push({ path: `pagefind.${id}.pf_meta`, content });
  }
  for (const f of files) {
    if (/^filter\/.*\.pf_filter$|^pagefind\..*\.pf_meta$/i.test(f.path)) continue;
    if (f.path !== 'pagefind-entry.json') {
      out.push(f);
      continue;
    }
    const entry = JSON.parse(Buffer.from(f.content).toString('utf8')) as { languages: Record<string, { hash: string }> };
    for (const lang of Object.values(entry.languages)) lang.hash = metaIds.get(lang.hash) ?? lang.hash;
    out.push({ path: f.path, content: Buffer.from(JSON.stringify(entry)) });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
