/**
 * Word lists for realistic demo and test data: Danish company names per
 * sector, streets, and names from the countries most newcomers to Denmark
 * come from. Invented combinations; any likeness to a real firm is chance.
 */
import type { ResidenceBasis } from '../schema.js';

export type SeedSector =
  'kitchen' | 'cleaning' | 'warehouse' | 'care' | 'retail' | 'construction' | 'it' | 'manufacturing' | 'agriculture' | 'transport' | 'hotel';

/** Sectors the seed articles name, with their share of demo employers. */
export const SECTOR_WEIGHTS: readonly (readonly [SeedSector, number])[] = [
  ['kitchen', 16],
  ['cleaning', 14],
  ['warehouse', 12],
  ['care', 12],
  ['retail', 12],
  ['construction', 10],
  ['it', 6],
  ['manufacturing', 8],
  ['agriculture', 4],
  ['transport', 4],
  ['hotel', 4],
];

export const DANISH_SURNAMES = [
  'Jensen',
  'Nielsen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Petersen',
  'Madsen',
  'Kristensen',
  'Olsen',
  'Thomsen',
  'Poulsen',
  'Johansen',
  'Møller',
  'Mortensen',
  'Knudsen',
  'Lauridsen',
  'Schmidt',
  'Frandsen',
  'Holm',
  'Damgaard',
  'Bech',
  'Lund',
  'Skov',
  'Bruun',
  'Friis',
];
export const DANISH_FIRST_NAMES = [
  'Anne',
  'Mette',
  'Lone',
  'Susanne',
  'Camilla',
  'Louise',
  'Pia',
  'Helle',
  'Trine',
  'Marianne',
  'Jens',
  'Peter',
  'Lars',
  'Søren',
  'Henrik',
  'Mads',
  'Thomas',
  'Martin',
  'Rasmus',
  'Anders',
  'Niels',
  'Kasper',
  'Birgitte',
  'Jesper',
];

const PLACE_WORDS = ['Fjorden', 'Havnen', 'Skoven', 'Engen', 'Bakken', 'Åen', 'Mosen', 'Kysten', 'Torvet', 'Møllen'];

/**
 * Company-name patterns per sector. `{town}`, `{surname}` and `{place}` are
 * filled in; the legal form is added by the builder.
 */
export const COMPANY_NAME_PATTERNS: Record<SeedSector, readonly string[]> = {
  kitchen: [
    'Restaurant {place}',
    'Kantinen {town}',
    'Madhuset {town}',
    'Café {place}',
    'Kroen ved {place}',
    '{surname}s Køkken',
    'Storkøkkenet {town}',
  ],
  cleaning: ['{town} Rengøring', '{surname} Service', 'Rent & Pænt {town}', 'Nordisk Facility Service', 'Blank Rengøring {town}', 'Skinnende Rent'],
  warehouse: ['{town} Lager & Logistik', '{surname} Distribution', 'Nordlager {town}', 'Terminalen {town}', 'Pakkecentret {town}'],
  care: ['Plejecenter {place}', 'Bostedet {place}', 'Hjemmeplejen {town}', 'Omsorgshuset {town}', 'Plejehjemmet {place}'],
  retail: ['Købmand {surname}', '{town} Byggemarked', 'Supermarkedet {town}', 'Genbrugsbutikken {town}', '{surname} Tøj & Sko'],
  construction: ['{surname} Byg', '{surname} & Søn Murerfirma', '{town} Tømrer og Snedker', 'Nybyg {town}', '{surname} Anlæg'],
  it: ['Datahuset {town}', '{surname} Software', 'Kodeværkstedet', 'Nordkode', 'Webbureauet {town}'],
  manufacturing: ['{town} Plast', '{surname} Metal', '{town} Emballage', 'Fabrikken ved {place}', '{surname} Maskinfabrik'],
  agriculture: ['{surname}s Gartneri', 'Gården ved {place}', '{town} Planteskole', '{surname} Landbrug'],
  transport: ['{surname} Transport', '{town} Vognmandsforretning', 'Fragtcentralen {town}'],
  hotel: ['Hotel {place}', '{town} Badehotel', 'Vandrerhjemmet {town}', 'Konferencecenter {place}'],
};

/** Public employers (municipal care) are not private; the IGU bonus goes only to private ones. */
export const PUBLIC_SECTOR_PATTERNS = new Set(['Plejecenter {place}', 'Hjemmeplejen {town}', 'Plejehjemmet {place}']);

export const PLACE_NAMES = PLACE_WORDS;

export const STREETS = [
  'Storegade',
  'Nørregade',
  'Søndergade',
  'Vestergade',
  'Østergade',
  'Industrivej',
  'Havnevej',
  'Skolevej',
  'Stationsvej',
  'Kirkevej',
  'Møllevej',
  'Engvej',
  'Fabriksvej',
  'Lagervej',
  'Erhvervsvej',
  'Ringvejen',
];

/** A generic title when the taxonomy has no occupation for a sector. */
export const SECTOR_TITLES: Record<SeedSector, string> = {
  kitchen: 'Køkkenmedhjælper',
  cleaning: 'Rengøringsassistent',
  warehouse: 'Lagermedarbejder',
  care: 'Social- og sundhedshjælper',
  retail: 'Butiksmedhjælper',
  construction: 'Håndværkermedhjælper',
  it: 'Junior webudvikler',
  manufacturing: 'Produktionsmedarbejder',
  agriculture: 'Gartnerimedhjælper',
  transport: 'Chauffør',
  hotel: 'Hotelmedarbejder',
};

export type Origin = {
  nationality: string;
  /** Mother tongues (ISO 639 codes, as candidate_languages stores them) and their weights. */
  languages: readonly (readonly [string, number])[];
  weight: number;
  male: readonly string[];
  female: readonly string[];
  family: readonly string[];
};

export const ORIGINS: readonly Origin[] = [
  {
    nationality: 'SY',
    languages: [
      ['ar', 9],
      ['ku', 1],
    ],
    weight: 26,
    male: ['Mohammad', 'Ahmad', 'Khaled', 'Omar', 'Yousef', 'Bashar', 'Mahmoud', 'Hassan', 'Rami', 'Fadi'],
    female: ['Amal', 'Rasha', 'Hiba', 'Nour', 'Lama', 'Rania', 'Yasmin', 'Fatima', 'Dima', 'Reem'],
    family: ['Haddad', 'Al-Hamwi', 'Khalil', 'Darwish', 'Al-Ali', 'Sabbagh', 'Haj Ibrahim', 'Al-Masri', 'Kassem', 'Nasser'],
  },
  {
    nationality: 'ER',
    languages: [['ti', 10]],
    weight: 18,
    male: ['Yonas', 'Filmon', 'Dawit', 'Merhawi', 'Tesfay', 'Samuel', 'Habtom', 'Kibrom', 'Robel', 'Mussie'],
    female: ['Helen', 'Senait', 'Saba', 'Lidia', 'Winta', 'Selam', 'Mebrat', 'Ruta', 'Yordanos', 'Eden'],
    family: ['Tesfamariam', 'Ghebremedhin', 'Haile', 'Kidane', 'Berhane', 'Woldu', 'Tekle', 'Mehari', 'Asmerom', 'Yohannes'],
  },
  {
    nationality: 'AF',
    languages: [
      ['prs', 7],
      ['ps', 3],
    ],
    weight: 12,
    male: ['Ahmad', 'Mohammad', 'Ali', 'Hamid', 'Sayed', 'Mustafa', 'Javid', 'Rahim', 'Farid', 'Naser'],
    female: ['Zahra', 'Maryam', 'Fatima', 'Soraya', 'Parwana', 'Shabnam', 'Nilofar', 'Mursal', 'Freshta', 'Laila'],
    family: ['Ahmadi', 'Hosseini', 'Rahimi', 'Karimi', 'Sultani', 'Mohammadi', 'Noori', 'Rezaei', 'Safi', 'Hakimi'],
  },
  {
    nationality: 'IR',
    languages: [
      ['fa', 9],
      ['ku', 1],
    ],
    weight: 8,
    male: ['Reza', 'Mehdi', 'Amir', 'Hossein', 'Saeed', 'Arash', 'Babak', 'Kaveh', 'Dariush', 'Behnam'],
    female: ['Leila', 'Shirin', 'Maryam', 'Niloufar', 'Parisa', 'Sara', 'Mina', 'Azadeh', 'Roya', 'Ladan'],
    family: ['Tehrani', 'Moradi', 'Jafari', 'Kazemi', 'Ebrahimi', 'Ghorbani', 'Salehi', 'Bagheri', 'Sadeghi', 'Najafi'],
  },
  {
    nationality: 'SO',
    languages: [['so', 10]],
    weight: 8,
    male: ['Abdi', 'Mohamed', 'Abdullahi', 'Hassan', 'Ahmed', 'Ismail', 'Yusuf', 'Abdirahman', 'Said', 'Omar'],
    female: ['Hodan', 'Sahra', 'Fadumo', 'Amina', 'Hawa', 'Ifrah', 'Asha', 'Nimco', 'Ubah', 'Khadra'],
    family: ['Warsame', 'Farah', 'Abdi', 'Hussein', 'Jama', 'Osman', 'Aden', 'Nur', 'Mohamud', 'Ali'],
  },
  {
    nationality: 'IQ',
    languages: [
      ['ar', 6],
      ['ku', 4],
    ],
    weight: 6,
    male: ['Ali', 'Hussein', 'Haider', 'Karwan', 'Rebin', 'Mustafa', 'Ahmed', 'Dilshad', 'Saman', 'Zaid'],
    female: ['Zainab', 'Noor', 'Shler', 'Avin', 'Hana', 'Rozhin', 'Sara', 'Tara', 'Huda', 'Shaima'],
    family: ['Al-Jaburi', 'Mahmoud', 'Rashid', 'Abdullah', 'Karim', 'Salih', 'Aziz', 'Hamad', 'Qadir', 'Baban'],
  },
  {
    nationality: 'UA',
    languages: [
      ['uk', 8],
      ['ru', 2],
    ],
    weight: 20,
    male: ['Oleksandr', 'Andrii', 'Serhii', 'Dmytro', 'Volodymyr', 'Mykola', 'Ivan', 'Yurii', 'Vasyl', 'Maksym'],
    female: ['Olena', 'Tetiana', 'Nataliia', 'Iryna', 'Oksana', 'Svitlana', 'Yuliia', 'Kateryna', 'Mariia', 'Anastasiia'],
    family: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Melnyk', 'Boiko', 'Koval', 'Oliinyk', 'Lysenko'],
  },
  {
    nationality: 'SD',
    languages: [['ar', 10]],
    weight: 2,
    male: ['Abdelrahman', 'Mohamed', 'Osman', 'Elsadig', 'Hamza'],
    female: ['Safaa', 'Amna', 'Hadeel', 'Tasneem', 'Marwa'],
    family: ['Elamin', 'Abdelgadir', 'Babiker', 'Ibrahim', 'Elhassan'],
  },
];

/** How residence bases are spread among people of one origin (Ukrainians come under the special law). */
export function residenceBases(nationality: string): readonly (readonly [ResidenceBasis, number])[] {
  if (nationality === 'UA') return [['ukraine_special_law', 1]];
  return [
    ['refugee', 55],
    ['family_reunified_refugee', 28],
    ['family_reunified_other', 10],
    ['other', 7],
  ];
}

export const EDUCATIONS = [
  'Grundskole i hjemlandet',
  'Grundskole (6 år) i hjemlandet',
  'Gymnasial uddannelse i hjemlandet',
  'Erhvervsuddannelse som kok i hjemlandet',
  'Erhvervsuddannelse som elektriker i hjemlandet',
  'Bachelor i økonomi',
  'Bachelor i datalogi',
  'Ingeniøruddannelse',
  'Sygeplejerske fra hjemlandet',
  'Lærer fra hjemlandet',
];

export const AMBITION_NOTES = [
  'Vil gerne arbejde med mad og på sigt tage en uddannelse som kok.',
  'Ønsker fast arbejde tæt på bopælen.',
  'Har erfaring fra familiens butik og vil gerne i detailhandlen.',
  'Vil gerne være social- og sundhedshjælper.',
  'Drømmer om at blive webudvikler; har gået på kodeskole.',
  'Vil gerne arbejde med hænderne, gerne på byggeplads.',
  'Ønsker arbejde med faste morgenvagter på grund af børn.',
];
