// Reference data for the generated plans and lead streams: US states (2020 census population in
// millions, ZIP3 prefixes), Canadian provinces (2021 population, postal first letters) and the
// countries a mid-size SaaS company sells into, with the spellings CRMs actually hold.
// Approximate on purpose: the benchmark needs realistic *shapes* (skew, prefixes), not a gazetteer.

/** code, name, population (M), ZIP3 ranges, US sales region */
const US = `
AL|Alabama|5.02|350-352,354-369|southeast
AK|Alaska|0.73|995-999|west
AZ|Arizona|7.15|850-853,855-857,859-860,863-865|mountain
AR|Arkansas|3.01|716-729|central
CA|California|39.54|900-908,910-928,930-961|west
CO|Colorado|5.77|800-816|mountain
CT|Connecticut|3.61|060-069|northeast
DE|Delaware|0.99|197-199|mid_atlantic
DC|District of Columbia|0.69|200,202-205|mid_atlantic
FL|Florida|21.54|320-339,341-342,344,346-347,349|southeast
GA|Georgia|10.71|300-319,398-399|southeast
HI|Hawaii|1.46|967-968|west
ID|Idaho|1.84|832-838|mountain
IL|Illinois|12.81|600-620,622-629|midwest
IN|Indiana|6.79|460-479|midwest
IA|Iowa|3.19|500-516,520-528|central
KS|Kansas|2.94|660-662,664-679|central
KY|Kentucky|4.51|400-427|midwest
LA|Louisiana|4.66|700-701,703-708,710-714|central
ME|Maine|1.36|039-049|northeast
MD|Maryland|6.18|206-212,214-219|mid_atlantic
MA|Massachusetts|7.03|010-027|northeast
MI|Michigan|10.08|480-499|midwest
MN|Minnesota|5.71|550-551,553-567|central
MS|Mississippi|2.96|386-397|southeast
MO|Missouri|6.15|630-631,633-641,644-658|central
MT|Montana|1.08|590-599|mountain
NE|Nebraska|1.96|680-681,683-693|central
NV|Nevada|3.10|889-891,893-898|west
NH|New Hampshire|1.38|030-038|northeast
NJ|New Jersey|9.29|070-089|mid_atlantic
NM|New Mexico|2.12|870-871,873-875,877-884|mountain
NY|New York|20.20|100-149|northeast
NC|North Carolina|10.44|270-289|southeast
ND|North Dakota|0.78|580-588|central
OH|Ohio|11.80|430-458|midwest
OK|Oklahoma|3.96|730-731,734-741,743-749|central
OR|Oregon|4.24|970-979|west
PA|Pennsylvania|13.00|150-196|mid_atlantic
RI|Rhode Island|1.10|028-029|northeast
SC|South Carolina|5.12|290-299|southeast
SD|South Dakota|0.89|570-577|central
TN|Tennessee|6.91|370-385|southeast
TX|Texas|29.15|750-799,885|central
UT|Utah|3.27|840-847|mountain
VT|Vermont|0.64|050-054,056-059|northeast
VA|Virginia|8.63|201,220-246|mid_atlantic
WA|Washington|7.71|980-986,988-994|west
WV|West Virginia|1.79|247-268|mid_atlantic
WI|Wisconsin|5.89|530-532,534-535,537-549|midwest
WY|Wyoming|0.58|820-831|mountain`;

/** code, name, population (M), postal first letters, split used by finer plans */
const CA = `
ON|Ontario|14.22|KLMNP
QC|Quebec|8.50|GHJ
BC|British Columbia|5.00|V
AB|Alberta|4.26|T
MB|Manitoba|1.34|R
SK|Saskatchewan|1.13|S
NS|Nova Scotia|0.97|B
NB|New Brunswick|0.78|E
NL|Newfoundland and Labrador|0.51|A
PE|Prince Edward Island|0.16|C
NT|Northwest Territories|0.05|X
YT|Yukon|0.04|Y
NU|Nunavut|0.04|X`;

/** code, share of leads (%), theater, sub-theater, CRM spellings, postal shape; theater "none":
 *  not in any plan (those leads reach `otherwise`) */
const COUNTRIES = `
US|59.9|na|us|United States;USA;U.S.;United States of America|zip
GB|8.0|emea|uki|United Kingdom;UK;Great Britain;England|gb
CA|7.8|na|canada|Canada|ca
DE|6.1|emea|dach|Germany|d5
FR|5.0|emea|france_benelux|France|d5
NL|1.2|emea|france_benelux|Netherlands;Holland|nl
IE|0.7|emea|uki|Ireland|none
ES|0.8|emea|south_eu|Spain|d5
IT|0.8|emea|south_eu|Italy|d5
SE|0.5|emea|nordics|Sweden|d5
NO|0.3|emea|nordics|Norway|d4
DK|0.3|emea|nordics|Denmark|d4
FI|0.3|emea|nordics|Finland|d5
CH|0.6|emea|dach|Switzerland|d4
AT|0.4|emea|dach|Austria|d4
BE|0.4|emea|france_benelux|Belgium|d4
PL|0.4|emea|cee|Poland|none
PT|0.2|emea|south_eu|Portugal|none
AU|1.1|apac|anz|Australia|d4
NZ|0.3|apac|anz|New Zealand|d4
JP|0.8|apac|japan|Japan|jp
SG|0.4|apac|asia|Singapore|d6
IN|0.9|apac|asia|India|d6
KR|0.3|apac|asia|South Korea;Korea, Republic of|d5
HK|0.2|apac|asia|Hong Kong|none
BR|0.8|latam|latam|Brazil|none
MX|0.6|latam|latam|Mexico|d5
AR|0.2|latam|latam|Argentina|none
CL|0.2|latam|latam|Chile|none
CO|0.2|latam|latam|Colombia|none
ZA|0.3|emea|mea|South Africa|d4
AE|0.3|emea|mea|United Arab Emirates;UAE|none
IL|0.4|emea|mea|Israel|none
SA|0.1|emea|mea|Saudi Arabia|none
KE|0.2|none|none|Kenya|none
VN|0.2|none|none|Vietnam;Viet Nam|none
TR|0.2|none|none|Turkey|none
EG|0.1|none|none|Egypt|none`;

function zip3s(ranges) {
  const out = [];
  for (const part of ranges.split(",")) {
    const [a, b = a] = part.split("-").map(Number);
    for (let z = a; z <= b; z++) out.push(String(z).padStart(3, "0"));
  }
  return out;
}

export const US_STATES = US.trim().split("\n").map((line) => {
  const [code, name, pop, ranges, region] = line.split("|");
  return { code: `US-${code}`, bare: code, name, pop: Number(pop), zip3: zip3s(ranges), region };
});

export const CA_PROVINCES = CA.trim().split("\n").map((line) => {
  const [code, name, pop, letters] = line.split("|");
  return { code: `CA-${code}`, bare: code, name, pop: Number(pop), letters: [...letters] };
});

export const COUNTRY_LIST = COUNTRIES.trim().split("\n").map((line) => {
  const [code, share, theater, sub, names, postal] = line.split("|");
  return { code, share: Number(share), theater, sub, names: names.split(";"), postal };
});

/** UK outward codes the generator draws from (real ones; London first). */
export const GB_OUTWARD = {
  london: ["EC1A", "EC2M", "SW1A", "SW11", "W1D", "WC2N", "N1", "NW1", "E14", "SE1"],
  north: ["M1", "M14", "LS1", "L1", "NE1", "S1"],
  midlands: ["B1", "B15", "NG1", "LE1", "CV1"],
  south: ["BS1", "OX1", "CB2", "RG1", "BN1", "SO14"],
  scotland_wales: ["EH1", "G1", "AB10", "CF10"],
};

/** The sales regions US states roll up into, in plan order. */
export const US_REGIONS = ["west", "mountain", "central", "midwest", "southeast", "mid_atlantic", "northeast"];

/** Industries of the generated `record Lead` (enum order) with their share of leads. */
export const INDUSTRIES = [
  ["software", 22], ["fintech", 8], ["healthcare", 10], ["manufacturing", 12], ["retail", 10],
  ["logistics", 6], ["media", 6], ["public_sector", 5], ["education", 6], ["other", 15],
];
export const SOURCES = [["inbound", 45], ["outbound", 30], ["partner", 10], ["event", 15]];
