// Barrel for format/: filled in as the phase lands.
export {};
