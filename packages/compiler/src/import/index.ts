// Importers from Salesforce metadata (SPEC 4, "Importers"): each produces a formatted, checked
// Carve ruleset and a report of what it could not translate.
export { importSalesforceTerritories, type TerritoriesInput, type TerritoriesReport, type TerritoryEntry } from "./territories/import-territories.js";
export { importSalesforceAssignmentRules, type AssignmentInput, type AssignmentReport, type EntryReport } from "./assignment/import-assignment.js";
export { metadataKind, type InputFile } from "./territories/read-model.js";
export { ImportInputError } from "./xml.js";
export type { ImportReport, ImportResult, Count, Untranslated, Note, FieldMap, Finding as ImportFinding } from "./report.js";
