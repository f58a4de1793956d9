/** The string formats checked, by their Format constant in templates/validators/formats.ts. */
export const FORMATS: Readonly<Record<string, string>> = {
  "date-time": "DATE_TIME",
  date: "DATE",
  email: "EMAIL",
  uuid: "UUID",
  uri: "URI",
  ipv4: "IPV4",
  ipv6: "IPV6",
};
