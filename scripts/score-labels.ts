/**
 * Scores enrichment against hand-labelled articles: the dev set in test/fixtures/devset/ and the
 * sample seeds described by test/fixtures/seeds.expected.json. Used by `scripts/eval.ts` and by
 * the accuracy test in test/enrich/, so both read the same figures.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Article, MergedArticle, ParsedArticle } from '../src/model/types.js';
import { loadEnrichment, type Enrichment } from '../src/enrich/load-enrichment.js';
import { findDate } from '../src/enrich/find-date.js';
import { parseSeed } from '../src/stages/parse-seed.js';
import { enrichArticle } from '../src/stages/enrich-article.js';
import { textKey } from '../src/parse/text-key.js';

const root = new URL('../', import.meta.url);
export const devsetDir = new URL('test/fixtures/devset/', root);
/** A blind set, labelled by someone who never saw the code or the dev set: scored, never tuned on. */
export const holdoutDir = new URL('test/fixtures/holdout/', root);
export const seedsDir = new URL('seeds/', root);
export const samplesLabelFile = new URL('test/fixtures/seeds.expected.json', root);

/** What an editor says an article should get. Fields left undefined are not scored. */
export interface Label {
  readonly set: 'dev' | 'sample' | 'holdout';
  readonly file: string;
  readonly headline: string;
  readonly countries: readonly string[];
  readonly topics: readonly string[];
  /** Expected date (dev set: body first, then caption); undefined when not labelled. */
  readonly date?: string | null;
  readonly dateSource?: string | null;
  /** Expected photo date (the date printed in the caption; samples only). */
  readonly photoDate?: string | null;
  readonly credit?: string | null;
}

/** The pair of an article's label and what enrichment gave it. */
export interface Scored {
  readonly label: Label;
  readonly article: Article | null;
}

/** Counts for one set-valued field, micro-averaged over articles. */
export interface SetScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Articles whose first value is right. */
  primaryRight: number;
  articles: number;
  primaryAccuracy: number;
}

/** An exact-match score for a single-valued field. */
export interface ExactScore {
  right: number;
  total: number;
  accuracy: number;
}

/** One disagreement between the label and the output. */
export interface Mismatch {
  readonly set: 'dev' | 'sample' | 'holdout';
  readonly headline: string;
  readonly field: string;
  readonly expected: string;
  readonly got: string;
  /** For topics, the evidence the tagger gave, so the miss can be explained. */
  readonly detail?: string;
}

/** The whole evaluation. */
export interface Evaluation {
  readonly scored: readonly Scored[];
  readonly countries: SetScore;
  readonly topics: SetScore;
  readonly date: ExactScore;
  readonly dateSource: ExactScore;
  readonly photoDate: ExactScore;
  readonly credit: ExactScore;
  /** Sample articles whose countries (in order) and topics (as a set, main one first) are exactly as expected. */
  readonly samplesExact: ExactScore;
  readonly mismatches: readonly Mismatch[];
  readonly unmatchedLabels: readonly Label[];
}

interface DevLabelFile {
  files: Array<{
    file: string;
    articles: Array<{ headline: string; countries: string[]; topics: string[]; date: string | null; dateSource: string | null; credit: string | null }>;
  }>;
}

interface SampleLabelFile {
  files: Array<{
    file: string;
    articles: Array<{ headline: string; countries: string[]; topics: string[]; photo_date: string | null; credit: string | null }>;
  }>;
}

/** Every label of the dev set and the samples. */
export function readLabels(): Label[] {
  const dev = JSON.parse(readFileSync(new URL('labels.json', devsetDir), 'utf8')) as DevLabelFile;
  const holdout = JSON.parse(readFileSync(new URL('labels.json', holdoutDir), 'utf8')) as DevLabelFile;
  const samples = JSON.parse(readFileSync(samplesLabelFile, 'utf8')) as SampleLabelFile;
  const labels: Label[] = [];
  for (const f of dev.files) {
    for (const a of f.articles) {
      labels.push({ set: 'dev', file: f.file, headline: a.headline, countries: a.countries, topics: a.topics, date: a.date, dateSource: a.dateSource, credit: a.credit });
    }
  }
  for (const f of holdout.files) {
    for (const a of f.articles) {
      labels.push({ set: 'holdout', file: f.file, headline: a.headline, countries: a.countries, topics: a.topics, date: a.date, dateSource: a.dateSource, credit: a.credit });
    }
  }
  for (const f of samples.files) {
    for (const a of f.articles) {
      labels.push({ set: 'sample', file: f.file, headline: a.headline, countries: a.countries, topics: a.topics, photoDate: a.photo_date, credit: a.credit });
    }
  }
  return labels;
}

/** Parses the seed files the labels name (dev set and samples). */
export function readLabelledArticles(): Array<{ set: 'dev' | 'sample' | 'holdout'; file: string; article: ParsedArticle }> {
  const out: Array<{ set: 'dev' | 'sample' | 'holdout'; file: string; article: ParsedArticle }> = [];
  const read = (set: 'dev' | 'sample' | 'holdout', dir: URL, file: string): void => {
    const parsed = parseSeed({ path: file, bytes: readFileSync(new URL(file, dir)) });
    for (const article of parsed.articles) out.push({ set, file, article });
  };
  for (const file of readdirSync(devsetDir).filter((f) => f.endsWith('.txt')).sort()) read('dev', devsetDir, file);
  for (const file of readdirSync(holdoutDir).filter((f) => f.endsWith('.txt')).sort()) read('holdout', holdoutDir, file);
  for (const file of readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) read('sample', seedsDir, file);
  return out;
}

/** The shape `enrichArticle` takes, built from one parsed article. */
export function toMerged(parsed: ParsedArticle, key = 'x'): MergedArticle & { key: string } {
  const { source, ...rest } = parsed;
  return { ...rest, key, sources: [source] };
}

function emptySetScore(): SetScore {
  return { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0, primaryRight: 0, articles: 0, primaryAccuracy: 0 };
}

function finishSetScore(s: SetScore): SetScore {
  s.precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
  s.recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  s.f1 = s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall);
  s.primaryAccuracy = s.articles === 0 ? 1 : s.primaryRight / s.articles;
  return s;
}

function addSet(score: SetScore, expected: readonly string[], got: readonly string[]): void {
  const e = new Set(expected);
  const g = new Set(got);
  for (const x of g) (e.has(x) ? score.tp++ : score.fp++);
  for (const x of e) if (!g.has(x)) score.fn++;
  score.articles++;
  if (expected[0] !== undefined && expected[0] === got[0]) score.primaryRight++;
}

function addExact(score: ExactScore, expected: unknown, got: unknown): boolean {
  score.total++;
  const right = expected === got;
  if (right) score.right++;
  return right;
}

function finishExact(s: ExactScore): ExactScore {
  s.accuracy = s.total === 0 ? 1 : s.right / s.total;
  return s;
}

const show = (v: unknown): string => (Array.isArray(v) ? `[${v.join(', ')}]` : v === null || v === undefined ? 'null' : String(v));

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

/** Scores enriched articles against their labels, matching them by headline. */
export function scoreArticles(labels: readonly Label[], articles: readonly Article[]): Evaluation {
  const byHeadline = new Map<string, Article>();
  for (const a of articles) if (!byHeadline.has(textKey(a.headline))) byHeadline.set(textKey(a.headline), a);
  const countries = emptySetScore();
  const topics = emptySetScore();
  const date: ExactScore = { right: 0, total: 0, accuracy: 0 };
  const dateSource: ExactScore = { right: 0, total: 0, accuracy: 0 };
  const photoDate: ExactScore = { right: 0, total: 0, accuracy: 0 };
  const credit: ExactScore = { right: 0, total: 0, accuracy: 0 };
  const samplesExact: ExactScore = { right: 0, total: 0, accuracy: 0 };
  const mismatches: Mismatch[] = [];
  const scored: Scored[] = [];
  const unmatchedLabels: Label[] = [];

  for (const label of labels) {
    const article = byHeadline.get(textKey(label.headline)) ?? null;
    scored.push({ label, article });
    const miss = (field: string, expected: unknown, got: unknown, detail?: string): void => {
      mismatches.push({ set: label.set, headline: label.headline, field, expected: show(expected), got: show(got), ...(detail ? { detail } : {}) });
    };
    if (!article) {
      unmatchedLabels.push(label);
      // A label with no article counts every expected value as missed.
      addSet(countries, label.countries, []);
      addSet(topics, label.topics, []);
      miss('article', label.headline, 'not found');
      continue;
    }
    addSet(countries, label.countries, article.countries);
    addSet(topics, label.topics, article.topics);
    const countriesExact = label.countries.length === article.countries.length && label.countries.every((c, i) => article.countries[i] === c);
    if (!countriesExact) miss('countries', label.countries, article.countries);
    const topicsSame = sameSet(label.topics, article.topics);
    const topicsPrimary = label.topics[0] === article.topics[0];
    if (!topicsSame || !topicsPrimary) {
      const detail = article.topicEvidence.map((e) => `${e.topic} ${e.score} (${e.terms.join(', ')})`).join(' | ');
      miss(topicsSame ? 'topics (main)' : 'topics', label.topics, article.topics, detail);
    }
    if (label.date !== undefined && !addExact(date, label.date, article.date)) miss('date', label.date, article.date);
    if (label.dateSource !== undefined && !addExact(dateSource, label.dateSource, article.dateSource)) miss('dateSource', label.dateSource, article.dateSource);
    if (label.photoDate !== undefined) {
      const got = article.captions.map((c) => findDate(c)).find((d) => d !== null) ?? null;
      if (!addExact(photoDate, label.photoDate, got)) miss('photo date', label.photoDate, got);
    }
    if (label.credit !== undefined && !addExact(credit, label.credit, article.credit)) miss('credit', label.credit, article.credit);
    if (label.set === 'sample') addExact(samplesExact, true, countriesExact && topicsSame && topicsPrimary);
  }
  return {
    scored,
    countries: finishSetScore(countries),
    topics: finishSetScore(topics),
    date: finishExact(date),
    dateSource: finishExact(dateSource),
    photoDate: finishExact(photoDate),
    credit: finishExact(credit),
    samplesExact: finishExact(samplesExact),
    mismatches,
    unmatchedLabels,
  };
}

/** Parses, enriches and scores the dev set and the samples. */
export function evaluateLabelled(
  sets: ReadonlyArray<Label['set']> = ['dev', 'sample'],
  ctx: Enrichment = loadEnrichment(),
): Evaluation {
  const articles = readLabelledArticles().map(({ article }, i) => enrichArticle(toMerged(article, `a${i}`), ctx).article);
  return scoreArticles(readLabels().filter((l) => sets.includes(l.set)), articles);
}
