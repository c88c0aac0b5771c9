// Barrel for semantics/: filled in as the phase lands.
export {};
