// Structure names and codes for generated networks: French towns (urban) and countries (rural), unique at any size.
import { fold } from "../values/parse.ts";

const TOWNS = [
  "Rennes",
  "Cenon",
  "Nîmes",
  "Antony",
  "Villeurbanne",
  "Vénissieux",
  "Vaulx-en-Velin",
  "Bordeaux",
  "Marseille",
  "Aix-en-Provence",
  "Roubaix",
  "Tourcoing",
  "Amiens",
  "Dijon",
  "Grenoble",
  "Échirolles",
  "Saint-Étienne",
  "Clermont-Ferrand",
  "Toulouse",
  "Montpellier",
  "Nantes",
  "Saint-Nazaire",
  "Brest",
  "Caen",
  "Rouen",
  "Le Havre",
  "Reims",
  "Metz",
  "Nancy",
  "Strasbourg",
  "Mulhouse",
  "Besançon",
  "Orléans",
  "Tours",
  "Poitiers",
  "Limoges",
  "Angers",
  "Le Mans",
  "Perpignan",
  "Avignon",
  "Toulon",
  "Nice",
  "Cannes",
  "Sarcelles",
  "Argenteuil",
  "Créteil",
  "Évry",
  "Cergy",
  "Mantes-la-Jolie",
  "Trappes",
  "Aubervilliers",
  "Saint-Denis",
  "Bobigny",
  "Montreuil",
  "Nanterre",
  "Vitry-sur-Seine",
  "Pau",
  "Bayonne",
  "Valence",
  "Chambéry",
  "Annecy",
  "Niort",
  "Quimper",
  "Lorient",
  "Vannes",
  "Calais",
  "Dunkerque",
  "Valenciennes",
  "Douai",
  "Béziers",
  "Lyon",
  "Lille",
  "Paris",
  "Colmar",
  "Troyes",
];

const COUNTRIES = [
  "Artois Gohelle",
  "Pays de Redon",
  "Haut-Jura",
  "Thiérache",
  "Pays de Bray",
  "Morvan",
  "Livradois",
  "Causses",
  "Bocage normand",
  "Ubaye",
  "Pays d'Auge",
  "Combrailles",
  "Sologne",
  "Haute-Saintonge",
  "Val de Loire",
  "Cévennes",
  "Diois",
  "Quercy",
  "Périgord vert",
  "Argonne",
];

/** Single words, none the start of another, so "PIMMS Rennes Nord" never hides inside another name. */
const DISTRICTS = [
  "Centre",
  "Nord",
  "Sud",
  "Est",
  "Ouest",
  "Gare",
  "Port",
  "Plaine",
  "Plateau",
  "Rives",
  "Bourg",
  "Hauts",
  "Canal",
  "Faubourg",
  "Colline",
  "Lac",
  "Forêt",
  "Marché",
  "Pont",
  "Château",
  "Parc",
  "Moulin",
  "Prairie",
  "Vignes",
  "Quais",
  "Remparts",
  "Halles",
  "Carrières",
  "Sablons",
  "Tilleuls",
  "Peupliers",
  "Chênes",
  "Érables",
  "Acacias",
  "Mimosas",
  "Lilas",
  "Roses",
  "Jonquilles",
  "Bleuets",
  "Coquelicots",
];

export interface Place {
  name: string;
  code: string;
}

const codeOf = (name: string): string =>
  fold(name)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * `count` distinct places from `bases`: the bare names while they last, otherwise every name gets a
 * district (and, past that, a zero-padded number), so that no name or code is a prefix of another.
 */
function places(bases: readonly string[], count: number): Place[] {
  const variants = (base: string, i: number): string => {
    if (count <= bases.length) return base;
    const district = DISTRICTS[Math.floor(i / bases.length) % DISTRICTS.length] as string;
    if (count <= bases.length * DISTRICTS.length) return `${base} ${district}`;
    const width = String(Math.ceil(count / (bases.length * DISTRICTS.length))).length;
    const round = Math.floor(i / (bases.length * DISTRICTS.length)) + 1;
    return `${base} ${district} ${String(round).padStart(width, "0")}`;
  };
  return Array.from({ length: count }, (_, i) => {
    const name = `PIMMS ${variants(bases[i % bases.length] as string, i)}`;
    return { name, code: codeOf(name) };
  });
}

export const urbanPlaces = (count: number): Place[] => places(TOWNS, count);
export const ruralPlaces = (count: number): Place[] => places(COUNTRIES, count);
