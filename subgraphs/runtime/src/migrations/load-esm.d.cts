/** `import(url)`, untouched by transpilers (see load-esm.cjs). */
declare function importEsm(url: string): Promise<unknown>;
export = importEsm;
