// Types for the generator, so tests can import it.
export declare const ENTRY: string;
export declare const OUTPUT: string;
export declare const PRELUDE_NAME: string;
export declare function bundlePrelude(): Promise<string>;
export declare function generatePrelude(): Promise<string>;
