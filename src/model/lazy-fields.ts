/**
 * Fields a cached article carries unread. A build that takes 10,000 articles from its cache
 * renders only the pages that changed, so most articles' paragraphs (and their tagging
 * evidence) are never read: the cache hands them over as bytes, turned into values on first
 * read. Such a field is an enumerable accessor that replaces itself with the plain value once
 * read, so every reader (JSON, structured clone, equality, spread) sees the same data as from a
 * fresh article; a copy made with `copyFields` or `withFields` keeps it unread.
 */

/** What an object holds unread: a loader per lazy field, and its first paragraph when its paragraphs are lazy. */
interface Unread {
  readonly loaders: Readonly<Record<string, () => unknown>>;
  readonly lead: string | undefined;
}

/** Where an object keeps its `Unread` (not enumerable, so no reader of its data sees it). */
const unreadKey = Symbol('unread');

type WithUnread = { [unreadKey]?: Unread };

const unreadOf = (o: object): Unread | undefined => (o as WithUnread)[unreadKey];

/**
 * One accessor per field name, shared by every object: objects whose accessors are the same
 * functions share one hidden class, where a closure per object would give each its own and make
 * every later read of any of their fields slow.
 */
const accessors = new Map<string, PropertyDescriptor>();

function accessorOf(key: string): PropertyDescriptor {
  let accessor = accessors.get(key);
  if (accessor === undefined) {
    const settle = (target: object, value: unknown): void => {
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    };
    accessor = {
      enumerable: true,
      configurable: true,
      get(this: object) {
        const value = unreadOf(this)!.loaders[key]!();
        settle(this, value);
        return value;
      },
      set(this: object, value: unknown) {
        settle(this, value);
      },
    };
    accessors.set(key, accessor);
  }
  return accessor;
}

/** Whether `key` of `o` is still unread. */
function isUnread(o: object, unread: Unread | undefined, key: string): boolean {
  return unread?.loaders[key] !== undefined && Object.getOwnPropertyDescriptor(o, key)?.get !== undefined;
}

/**
 * A new object with `keys` in order: each named in `lazy` is loaded by its function on first
 * read, each other is `valueOf(key)`. `lead` is the first paragraph when `paragraphs` is lazy.
 */
export function withFields<T>(keys: readonly string[], valueOf: (key: string) => unknown, lazy: Readonly<Record<string, () => unknown>>, lead?: string): T {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (lazy[key] === undefined) out[key] = valueOf(key);
    else Object.defineProperty(out, key, accessorOf(key));
  }
  Object.defineProperty(out, unreadKey, { value: { loaders: lazy, lead } satisfies Unread });
  return out as T;
}

/**
 * The loaders of `source`'s fields among `keys` that are still unread, to hand to `withFields`
 * with `leadOf(source)` when the copy keeps `paragraphs` unread.
 */
export function unreadLoaders(source: object, keys: readonly string[]): Record<string, () => unknown> {
  const unread = unreadOf(source);
  const loaders: Record<string, () => unknown> = {};
  if (unread === undefined) return loaders;
  for (const key of keys) if (isUnread(source, unread, key)) loaders[key] = unread.loaders[key]!;
  return loaders;
}

/** An article's first paragraph ('' for none), without reading its other paragraphs when they are unread. */
export function leadOf(article: { readonly paragraphs: readonly string[] }): string {
  const unread = unreadOf(article);
  return (unread !== undefined && isUnread(article, unread, 'paragraphs') ? unread.lead : undefined) ?? article.paragraphs[0] ?? '';
}

/**
 * A shallow copy of `source`'s own fields but those named in `except`, unread fields staying
 * unread (a spread would read them). Key order is kept.
 */
export function copyFields<T extends object, K extends keyof T = never>(source: T, except: readonly K[] = []): Omit<T, K> {
  const keys = Object.keys(source).filter((k) => !(except as readonly PropertyKey[]).includes(k));
  const unread = unreadOf(source);
  if (unread === undefined) {
    const copy: Record<string, unknown> = {};
    for (const key of keys) copy[key] = (source as Record<string, unknown>)[key];
    return copy as Omit<T, K>;
  }
  return withFields(keys, (k) => (source as Record<string, unknown>)[k], unreadLoaders(source, keys), unread.lead);
}
