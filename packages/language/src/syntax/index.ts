// Barrel for syntax/: filled in as the phase lands.
export {};
