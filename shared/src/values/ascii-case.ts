// Letter case changed for ASCII letters only: String's toLowerCase/toUpperCase fold Unicode letters into ASCII ones
// (the Kelvin sign U+212A lower-cases to "k", the dotless ı upper-cases to "I"), so an identifier compared after
// them could match someone else's. Addresses and structure codes go through these instead.

export const asciiLowerCase = (text: string): string =>
  text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));

export const asciiUpperCase = (text: string): string =>
  text.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 32));
