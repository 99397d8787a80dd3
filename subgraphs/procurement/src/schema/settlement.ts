// Filled in by the settlement slice of issue 11.
export {};
