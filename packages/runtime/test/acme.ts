// The SPEC 2.2 example ("Acme Corp — FY27 territory plan") as an artifact.
import { c, plan } from "./builders.js";

const westStates = ["US-CA", "US-OR", "US-WA", "US-NV", "US-AZ", "US-UT", "US-ID"];
const enterprise = { any: [[c.gte("employees", 1000)], [c.gte("annual_revenue", 250_000_000)]] };

export const acme = () =>
  plan({
    name: "acme",
    fields: {
      id: "string key",
      country: "country",
      region: "region?",
      postal_code: "postal?",
      industry: "enum(software, healthcare, fintech, manufacturing, logistics, retail, public_sector, other)",
      employees: "int",
      annual_revenue: "money?",
      source: "enum(inbound, outbound, partner, event)",
      email_domain: "domain?",
      "account.id": "string?",
      "account.owner": "rep?",
      "account.status": "enum(prospect, customer, churned)?",
    },
    overrides: [
      {
        name: "keep_owner",
        when: [c.eq("account.status", "customer"), c.set("account.owner")],
        assign: "@account.owner",
      },
      { name: "named_accounts", when: [c.in("account.id", ["0015g00000a1", "0015g00000b7"])], assign: "alice" },
    ],
    territories: {
      policy: "first",
      otherwise: "triage",
      territories: [
        { name: "healthcare", label: "US Healthcare", when: [c.eq("country", "US"), c.eq("industry", "healthcare")], assign: "dana" },
        {
          name: "na",
          label: "North America",
          when: [c.in("country", ["US", "CA"])],
          assign: "na_queue",
          children: {
            policy: "unique",
            territories: [
              {
                name: "west",
                label: "West",
                when: [c.eq("country", "US"), c.in("region", westStates)],
                children: {
                  policy: "first",
                  territories: [
                    { name: "west_ent", label: "West Enterprise", when: enterprise, assign: "west_ae" },
                    { name: "west_smb", label: "West Commercial", assign: "west_commercial" },
                  ],
                },
              },
              { name: "east", label: "East", when: [c.eq("country", "US"), c.notIn("region", westStates)], assign: "east_ae" },
              { name: "canada", label: "Canada", when: [c.eq("country", "CA")], assign: "carol", from: "2027-02-01" },
            ],
          },
        },
      ],
    },
    reps: [
      { id: "alice", label: "Alice Ng", email: "alice@acme.com" },
      { id: "bob", label: "Bob Ortiz", email: "bob@acme.com", capacity: 150 },
      { id: "carol", label: "Carol Singh", email: "carol@acme.com", away: [{ from: "2026-12-20", until: "2027-01-04" }] },
      { id: "dana", label: "Dana Weiss", email: "dana@acme.com", window: { until: "2027-06-30" } },
      { id: "erin", label: "Erin Park" },
    ],
    teams: [
      { id: "west_ae", members: ["alice", { rep: "bob", weight: 2 }], strategy: { kind: "hash", field: "id" }, overflow: "na_queue" },
      { id: "west_commercial", members: ["erin", "carol"], strategy: { kind: "round_robin" } },
      { id: "east_ae", members: ["bob", "erin"], strategy: { kind: "least_loaded" } },
    ],
    queues: ["na_queue", "triage"],
  });
