// Which Carve field a Salesforce field becomes. Address parts are grouped per address so that a
// state reads its country from the same address (`billing.state` → `billing.country`, the rule of
// docs/language.md §4.8); the code and the name of a country or state (BillingCountryCode and
// BillingCountry) are one field, as they are one fact once Salesforce's state and country picklists
// are on. Other fields become snake_case (`Exclude_from_rules_Internal__c` → `exclude_from_rules_internal`).
import { toSnake } from "./names.js";

export type AddressPart = "country" | "state" | "postal_code" | "city" | "street";

export interface SfField {
  /** as written in the metadata, e.g. `Account.BillingCountryCode` */
  written: string;
  /** the Carve field when the field keeps its natural type, e.g. `billing.country` */
  carve: string;
  /** the Carve field when it falls back to text, e.g. `billing.country_code` */
  textName: string;
  /** address part, when it is one */
  part?: AddressPart;
  /** for country and state: whether this is the code or the name variant */
  variant?: "code" | "name";
  /** the address it belongs to (`billing`, `account.shipping`, or "" for a Lead's own address) */
  address?: string;
  /** the field's own API name, without object path (`BillingCountryCode`) */
  apiName: string;
}

const ADDRESS = /^(Billing|Shipping|Mailing|Other|PersonMailing|PersonOther)?(CountryCode|Country|StateCode|State|PostalCode|City|Street)$/;

const PARTS: Record<string, { part: AddressPart; variant?: "code" | "name"; text: string }> = {
  CountryCode: { part: "country", variant: "code", text: "country_code" },
  Country: { part: "country", variant: "name", text: "country_name" },
  StateCode: { part: "state", variant: "code", text: "state_code" },
  State: { part: "state", variant: "name", text: "state_name" },
  PostalCode: { part: "postal_code", text: "postal_code" },
  City: { part: "city", text: "city" },
  Street: { part: "street", text: "street" },
};

/**
 * Maps a field as written (`Account.BillingCity`, `Owner.Profile.Name`) for rules on `object`:
 * a leading `object.` is the record itself; any other leading names are related records.
 */
export function sfField(written: string, object: string): SfField {
  const parts = written.split(".").map((p) => p.trim()).filter((p) => p !== "");
  if (parts.length > 1 && parts[0].toLowerCase() === object.toLowerCase()) parts.shift();
  const apiName = parts[parts.length - 1] ?? written;
  const path = parts.slice(0, -1).map(relationName);
  const m = ADDRESS.exec(apiName);
  if (m) {
    const p = PARTS[m[2]];
    const address = [...path, ...(m[1] ? [toSnake(m[1])] : [])].join(".");
    const join = (leaf: string) => (address === "" ? leaf : `${address}.${leaf}`);
    return { written, apiName, part: p.part, variant: p.variant, address, carve: join(p.part), textName: join(p.text) };
  }
  const name = [...path, toSnake(apiName)].join(".");
  return { written, apiName, carve: name, textName: name };
}

/** `Parent__r` → `parent`, `RecordType` → `record_type`. */
function relationName(p: string): string {
  return toSnake(p.replace(/__r$/i, ""));
}
