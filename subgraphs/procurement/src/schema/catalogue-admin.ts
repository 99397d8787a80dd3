// Filled in by the catalogue-admin slice of issue 11.
export {};
