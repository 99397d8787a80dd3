// Filled in by the settings slice of issue 11.
export {};
