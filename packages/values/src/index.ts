// @carve/values — value domains and normalisation (SPEC 2.5), shared by the checker and the runtime.
export { type Normalized, NO_VALUE, isMissing } from "./result.js";
export { editDistance, closest } from "./suggest.js";
export { normalizeCountry, countryName, isCountryCode, listCountries } from "./country.js";
export { normalizeRegion, regionCandidates, regionName, listRegions } from "./region.js";
export { canonicalPostalDigits, isCanonicalPostal, normalizePostal, PostalRule, postalDigits, postalRule, trimmedCanonicalPostal } from "./postal.js";
export { normalizeDomain } from "./domain.js";
export { normalizeNumber, normalizeInt } from "./number.js";
export {
  normalizeString, foldString, normalizeBool, normalizeDate, normalizeEnum,
  isValidDate, isLeapYear, daysInMonth,
} from "./scalar.js";
export { type FieldType, FIELD_TYPES, type NormalizeContext, normalizeValue } from "./normalize.js";
export { REGION_SOURCE } from "./data/regions.js";
