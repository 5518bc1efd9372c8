/**
 * The data that flows between build stages. Types only: every value is plain, read-only data,
 * so a stage can never change what an earlier stage produced. (An article taken from the build
 * cache may hold its paragraphs and evidence unread, as fields that read as plain values: see
 * `lazy-fields.ts`; copy such an article with `copyFields`, not a spread, to keep them unread.)
 */

/** How bad a problem found in a seed is: errors fail the build (exit 1) after it finishes. */
export type Severity = 'error' | 'warning';

/** A problem found in one seed file, tied to a 1-based line; the build goes on. */
export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly severity: Severity;
  /** A short stable identifier of the check that fired, e.g. `invalid-utf8`. */
  readonly rule: string;
  readonly message: string;
}

/** A seed file as discovered on disk: its path relative to the seeds folder and its raw bytes. */
export interface SeedFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Where an article was found: a seed path relative to the seeds folder and its headline's line. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
}

/** Optional per-file metadata from validated YAML front matter. */
export interface FrontMatter {
  /** The headline of a Markdown (`.md`) seed's article. */
  readonly headline?: string;
  /** Photo captions of a Markdown seed's article, credit in final parentheses. */
  readonly captions?: readonly string[];
  readonly date?: string;
  readonly countries?: readonly string[];
  readonly topics?: readonly string[];
  readonly credit?: string;
  readonly slug?: string;
  readonly source_url?: string;
  readonly byline?: string;
  readonly summary?: string;
  readonly editor_note?: string;
}

/** One article as read from one seed file, noise and repeated blocks removed. */
export interface ParsedArticle {
  readonly headline: string;
  readonly captions: readonly string[];
  readonly paragraphs: readonly string[];
  readonly source: SourceRef;
  readonly meta: FrontMatter;
}

/** The result of parsing one seed file. */
export interface ParsedSeed {
  readonly file: string;
  readonly articles: readonly ParsedArticle[];
  readonly diagnostics: readonly Diagnostic[];
  /** Article-like blocks in the file that could not be turned into articles (each has a diagnostic). */
  readonly quarantined: number;
}

/** An article after cross-file de-duplication: one story, every place it was found. */
export interface MergedArticle extends Omit<ParsedArticle, 'source'> {
  readonly sources: readonly SourceRef[];
}

/** Why a topic was chosen: the matched terms and the score they add up to. */
export interface TopicEvidence {
  readonly topic: string;
  readonly score: number;
  readonly terms: readonly string[];
}

/** Why a country was given to an article: its salience score and the names that earned it. */
export interface CountryEvidence {
  /** ISO 3166-1 alpha-2 code. */
  readonly country: string;
  readonly score: number;
  /** The names found, with where they stood (`dateline Beirut`, `headline Lebanon`, `Lebanese ×3`). */
  readonly terms: readonly string[];
  /** Set when no name was salient and this is only the best of weak evidence. */
  readonly weak?: true;
}

/**
 * Where an article's date came from, strongest first: front matter, a wire dateline, a full date
 * in the body, a weekday in the body anchored to the photo's date (`weekday`), the photo's date
 * alone (`caption`). Every source but `caption` dates the article itself.
 */
export type DateSource = 'front-matter' | 'dateline' | 'body' | 'weekday' | 'caption';

/** A fully enriched article, ready to be collated and rendered. */
export interface Article {
  readonly id: string;
  readonly slug: string;
  readonly headline: string;
  readonly captions: readonly string[];
  readonly credit: string | null;
  readonly date: string | null;
  readonly dateSource: DateSource | null;
  /** The date printed in a photo caption, if any: the photo's date, not necessarily the article's. */
  readonly photoDate: string | null;
  /** The dateline the body opens with (`TYRE, Lebanon —`): place and country as written. */
  readonly dateline: { readonly place: string; readonly country: string | null } | null;
  /** The agency the photo credit names (`Reuters` of `Dalati & Nohra/Handout via Reuters`): its credit page. */
  readonly agency: string | null;
  /** The photographer or supplier the credit names besides the agency (`Dalati & Nohra`), or null. */
  readonly photographer: string | null;
  readonly countries: readonly string[];
  readonly topics: readonly string[];
  readonly topicEvidence: readonly TopicEvidence[];
  readonly countryEvidence: readonly CountryEvidence[];
  readonly paragraphs: readonly string[];
  readonly sources: readonly SourceRef[];
  readonly meta: FrontMatter;
}

/** A named group of articles (a country, a topic, a credit or a month), newest first. */
export interface Collection {
  readonly key: string;
  readonly name: string;
  readonly articleIds: readonly string[];
}

/** The whole archive: articles newest first and their indexes. */
export interface Archive {
  readonly articles: readonly Article[];
  readonly byId: ReadonlyMap<string, Article>;
  /** Position of each article id in `articles` (0 = newest). */
  readonly rank: ReadonlyMap<string, number>;
  readonly countries: readonly Collection[];
  readonly topics: readonly Collection[];
  readonly credits: readonly Collection[];
  readonly months: readonly Collection[];
  readonly countryByKey: ReadonlyMap<string, Collection>;
  readonly topicByKey: ReadonlyMap<string, Collection>;
  /** The URL key of each agency a credit names (its credit page). */
  readonly creditKeyOf: ReadonlyMap<string, string>;
}

/** What the search index holds for one page: its text, title and filter values. */
export interface SearchRecord {
  /** Site-absolute URL path of the page, e.g. `/articles/x/`. */
  readonly url: string;
  readonly title: string;
  readonly content: string;
  readonly filters: Readonly<Record<string, readonly string[]>>;
  /** What a search result shows besides the title: date, countries, first line (strings). */
  readonly meta?: Readonly<Record<string, string>>;
  /** Sort keys, e.g. `{date: '2025-03-05'}`. */
  readonly sort: Readonly<Record<string, string>>;
}

/** A rendered output file. */
export interface RenderedFile {
  readonly path: string;
  readonly contents: string | Uint8Array;
}

/** Counts and problems of a build, written to `data/report.json`. */
export interface BuildReport {
  readonly files: number;
  readonly articles: number;
  readonly duplicates: number;
  /** Every story found in several seed files: its id, headline and every place it was found. */
  readonly merges: ReadonlyArray<{ readonly id: string; readonly headline: string; readonly sources: readonly SourceRef[] }>;
  readonly quarantined: number;
  readonly problems: readonly Diagnostic[];
}
