// Kept in step with package.json by the CLI end-to-end test.
export const VERSION = "0.1.0";
