/**
 * Folds a lower-case word's plural ending so that `attacks` matches the term `attack`
 * (`companies` → `company`, `taxes` → `tax`, `glass` stays). The one folding both topic matching
 * and the IPTC vocabulary use, so that a label and a hand-written term that fold to the same
 * word are known to be one term.
 */
export function foldPlural(key: string): string {
  if (key.charCodeAt(key.length - 1) !== 115 /* s */ || key.length <= 3) return key;
  if (key.length > 4 && key.endsWith('ies')) return `${key.slice(0, -3)}y`;
  if (key.length > 4 && (key.endsWith('sses') || key.endsWith('xes') || key.endsWith('ches') || key.endsWith('shes'))) return key.slice(0, -2);
  if (!key.endsWith('ss')) return key.slice(0, -1);
  return key;
}
