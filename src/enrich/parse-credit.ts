/** A photo credit taken apart: who distributes the photo and who took or supplied it. */
export interface CreditParts {
  /** The agency (or outlet) the photo is credited to: the credit page it belongs to. */
  readonly agency: string;
  /** The photographer or the source that supplied it (`Dalati & Nohra`), when named. */
  readonly photographer: string | null;
}

/** Words that say how a photo came to the agency, not who took it. */
const handout = /^(?:handout|pool|file|courtesy|supplied)$/i;

/**
 * Takes a normalised credit apart (`aliases`: lower-case alias → the agency's usual name):
 * - `Dalati & Nohra/Handout via Reuters` → Reuters, by Dalati & Nohra;
 * - `Handout via Reuters` → Reuters; `Reuters/File` → Reuters;
 * - `AP Photo/Hussein Malla` → AP, by Hussein Malla; `Jane Doe/AFP`, `Jane Doe (AFP)` → AFP, by Jane Doe;
 * - anything else (`Courtesy of the ministry`) is its own agency.
 * The agency is named as `aliases` names it when it is a known one.
 */
export function parseCredit(credit: string, aliases: ReadonlyMap<string, string>): CreditParts {
  const known = (text: string): string | null => aliases.get(text.trim().toLowerCase()) ?? null;
  const agencyOf = (text: string): string => {
    // `Handout via Reuters`, `Pool via AP`: the agency follows "via".
    const via = text.toLowerCase().lastIndexOf(' via ');
    const after = via > 0 ? text.slice(via + 5).trim() : '';
    return after ? (known(after) ?? after) : (known(text) ?? text.trim());
  };
  // `Jane Doe (AFP)`: the agency in inner parentheses.
  const open = credit.lastIndexOf('(');
  if (open > 0 && credit.endsWith(')')) {
    const agency = known(credit.slice(open + 1, -1));
    if (agency) return { agency, photographer: credit.slice(0, open).trim() || null };
  }
  const slash = credit.lastIndexOf('/');
  if (slash > 0 && slash < credit.length - 1) {
    const left = credit.slice(0, slash).trim();
    const right = credit.slice(slash + 1).trim();
    // `AP Photo/Hussein Malla`, `Reuters/File`: the agency comes first.
    if (known(left) && !known(right)) return { agency: known(left)!, photographer: handout.test(right) ? null : right };
    // `Dalati & Nohra/Handout via Reuters`, `Jane Doe/AFP`: the agency comes last.
    return { agency: agencyOf(right), photographer: handout.test(left) ? null : left };
  }
  return { agency: agencyOf(credit), photographer: null };
}
