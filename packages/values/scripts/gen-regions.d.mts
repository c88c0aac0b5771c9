// Types for the generator, so tests can import it.
export declare const SOURCE_PACKAGE: string;
export declare const SOURCE_VIEW: string;
export declare const OUTPUT: string;
export declare const ISO_UPDATES: Record<
  string,
  {
    rename?: Record<string, string>;
    merge?: Record<string, { name: string; from: string[] }>;
    add?: Record<string, string>;
    addCountries?: string[];
  }
>;
export declare function generateRegions(): string;
