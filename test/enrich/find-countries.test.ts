import { describe, expect, it } from 'vitest';
import { findCountries, type ArticleText } from '../../src/enrich/find-countries.js';
import { defaultGazetteer } from '../../src/enrich/gazetteer.js';

const gaz = defaultGazetteer();
const article = (headline: string, ...paragraphs: string[]): ArticleText => ({ headline, captions: [], paragraphs });
const countries = (headline: string, ...paragraphs: string[]): string[] => findCountries(article(headline, ...paragraphs), gaz);

describe('findCountries', () => {
  it('does not lead with a headline venue (talks in Cairo) when the headline names another country', () => {
    expect(countries('Hamas Delegation in Cairo as Mediators Push to Revive Gaza Truce', 'Hamas officials met Egyptian mediators in Cairo on Monday to discuss a truce in Gaza.', 'Gaza has been under bombardment for months, Palestinian officials said. Israeli officials did not comment on the talks in Egypt.')[0]).toBe('PS');
  });

  it('leads with the country a headline speaker speaks of (U.S. asks Japan), not the speaker', () => {
    expect(countries('U.S. Asks Japan to End Farm Import Controls', 'The U.S. asked Japan to end its controls on farm imports, U.S. officials said.', 'Japan said it would study the request.')).toEqual(['JP', 'US']);
    expect(countries('U.S. Farm Exports to Japan Rise', 'U.S. farm exports to Japan rose, U.S. officials said.')[0]).toBe('US');
  });

  it('reads a country name used as a given name (Israel Santos … Santos said) as a person, headline too', () => {
    expect(countries('Israel Santos Double Hands Palmeiras Derby Win', 'Israel Santos scored twice in Sao Paulo on Sunday.', 'Santos said the team deserved it.')).toEqual(['BR']);
    expect(countries('Israel Strikes Targets in Lebanon', 'Israel said its jets hit sites in southern Lebanon. Israeli officials gave no details.')).toEqual(['IL', 'LB']);
  });

  it('does not read native spellings that are English words (Island for Iceland) as countries', () => {
    expect(countries('Reef Survey Finds Damage', 'Divers surveyed reefs near Lizard Island off Queensland, Australia.')).toEqual(['AU']);
  });

  it('knows regional seats smaller than big cities (Venice)', () => {
    expect(countries('Venice Expands Day-Tripper Fee', 'City officials in Venice said the fee would apply on more days.')).toEqual(['IT']);
  });

  it('leaves out a UK-based monitor', () => {
    expect(countries('Clashes Erupt in Homs', 'The UK-based Syrian Observatory said fighting spread across Syria on Monday.', 'Syria has seen years of war.')).toEqual(['SY']);
  });

  it('reads Jordan River as a feature, not the country', () => {
    expect(countries('Kayakers Return to the Jordan River', 'The Jordan River in northern Israel is running low, Israeli officials said.', 'Israel has asked farmers to save water.')).toEqual(['IL']);
  });

  it('reads Michael Jordan as a person, in the body and then in the headline', () => {
    expect(countries('Rookie Draws Michael Jordan Comparisons', 'Fans in Chicago compared the guard to Michael Jordan after the game in Chicago.')).toEqual(['US']);
    expect(countries('Rookie Scores 40', 'Fans compared the guard to Michael Jordan after the game.')).toEqual([]);
  });

  it('reads Lebanon, Pennsylvania (and Lebanon, Pa.) as a US town, everywhere in the article', () => {
    expect(countries('Police in Lebanon, Pennsylvania, Arrest Suspect', 'Police in Lebanon said the man was held. Lebanon police thanked residents.')).toEqual(['US']);
    expect(countries('Pharmacy Robbed', 'A pharmacy in Lebanon, Pa., was robbed on Tuesday.', 'Lebanon police said the suspect fled.')).toEqual(['US']);
    expect(countries('Lebanon Elects a President', 'Lebanon’s parliament met in Beirut.')).toEqual(['LB']);
  });

  it('tells Georgia the country from Georgia the US state by the other places named', () => {
    expect(countries('Protests Grow in Georgia', 'Thousands marched in Tbilisi, the Georgian capital.')).toEqual(['GE']);
    expect(countries('Storms Knock Out Power Across Georgia', 'Flights were cancelled at Atlanta airport and across Georgia.')).toEqual(['US']);
    expect(countries('Tbilisi Rally', 'Protesters gathered in Tbilisi, Georgia, on Sunday.')).toEqual(['GE']);
  });

  it('maps Kosovo to XK', () => {
    expect(countries('Kosovo Parliament Elects Speaker', 'Kosovo lawmakers voted in Pristina.')).toEqual(['XK']);
  });

  it('maps Gaza and the West Bank to PS', () => {
    expect(countries('Gaza Hospitals Run Out of Fuel', 'Hospitals in the Gaza Strip warned on Monday.')).toEqual(['PS']);
    expect(countries('West Bank Farmers Lose Harvest', 'Farmers in the West Bank said groves were burned.')).toEqual(['PS']);
  });

  it('maps UAE and Emirati to AE', () => {
    expect(countries('UAE Launches Satellite', 'The UAE space agency said the launch succeeded.')).toEqual(['AE']);
    expect(countries('Emirati Astronaut Returns', 'The Emirati astronaut landed safely.')).toEqual(['AE']);
  });

  it('maps Britain to GB', () => {
    expect(countries('Britain Raises Rates', 'Britain’s central bank raised rates on Thursday.')).toEqual(['GB']);
  });

  it('finds no country in ISIS, Hezbollah, the EU or the Middle East alone', () => {
    expect(countries('ISIS Claims Attack', 'ISIS said its fighters carried out the attack.')).toEqual([]);
    expect(countries('Hezbollah Fires Rockets', 'Hezbollah said it fired rockets.')).toEqual([]);
    expect(countries('EU Agrees New Rules', 'The EU agreed new rules on Tuesday.')).toEqual([]);
    expect(countries('Tensions Rise in the Middle East', 'Tensions in the Middle East remain high.')).toEqual([]);
  });

  it('places a story told by a city alone: Mosul, Latakia, Bekaa', () => {
    expect(countries('Mosul Mosque Reopens', 'Worshippers returned to the mosque in Mosul.')).toEqual(['IQ']);
    expect(countries('Latakia Port Workers Strike', 'Workers at the port of Latakia stopped work.')).toEqual(['SY']);
    expect(countries('Bekaa Farmers Struggle', 'Farmers in the Bekaa say exports have stalled.')).toEqual(['LB']);
  });

  it('lets the headline’s first country lead and keeps a second country the story is about', () => {
    expect(countries('Jordan’s King Receives Egyptian President', 'Jordan’s King received Egypt’s President in Amman for talks. Egypt and Jordan agreed to trade more.')).toEqual(['JO', 'EG']);
  });

  it('counts countries named in a long list as background', () => {
    expect(
      countries('Germany Expands Border Checks', 'Germany extended checks to all its land borders on Monday.', 'Checks on the borders with Poland, the Czech Republic, Austria and Switzerland were expanded to include France, Luxembourg, the Netherlands, Belgium and Denmark.', 'Traffic from Poland slowed.'),
    ).toEqual(['DE']);
  });

  it('does not count Brussels when it stands for the EU', () => {
    expect(countries('Germany Tightens Borders', 'Germany tightened its borders, and the EU said Brussels would examine the move. Germany said the checks are legal.', 'Belgium was among the neighbours affected.')).toEqual(['DE']);
  });
});
