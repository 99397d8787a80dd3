/** E-mail addresses of seeded organisations and people. */

/** Lower case ASCII letters and digits only: "Coöperatie" → "cooperatie", "Yılmaz" → "yilmaz". */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The e-mail domain of an organisation: its distinctive name without article. */
export const domainOf = (shortName: string) => `${slug(shortName.replace(/^(De|Het|'t)\s+/, ''))}.example`;

/** `Jan de Vries` → `j.devries`. */
export const mailbox = (firstName: string, lastName: string) => `${slug(firstName).charAt(0)}.${slug(lastName)}`;
