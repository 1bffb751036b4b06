import type { Recipient } from "../contract";

/** Parses "Jane Doe <jane@shape.example>, bob@x.example" into recipients. */
export function parseAddressList(text: string): Recipient[] {
  return text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const angle = /^(.*)<([^>]+)>$/.exec(part);
      if (angle) return { name: angle[1].trim().replace(/^"|"$/g, ""), address: angle[2].trim() };
      return { name: "", address: part };
    })
    .filter((r) => r.address.includes("@"));
}

export function formatAddressList(recipients: Recipient[]): string {
  return recipients.map((r) => (r.name ? `${r.name} <${r.address}>` : r.address)).join(", ");
}
