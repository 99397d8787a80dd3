// Filled in by the fulfilment slice of issue 11.
export {};
