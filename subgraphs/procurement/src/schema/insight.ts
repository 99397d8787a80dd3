// Filled in by the insight slice of issue 11.
export {};
