// UI text in English and Italian, picked from Office.context.displayLanguage ("it-IT" -> Italian).

const en = {
  title: "Outreach Advisor",
  intro: "Checks this draft against cold-outreach etiquette: engage first, ask privately, offer something back, be specific, never automate.",
  checkAgain: "Check again",
  checking: "Checking...",
  score: "Score",
  scoreOf: "{score} out of 100",
  language: "Language: {language}",
  noFindings: "No problems found.",
  findingsHeading: "Findings",
  checksHeading: "What was checked",
  mutedHeading: "Muted warnings",
  unmute: "Warn me again",
  mute: "Don't warn me again for this",
  apply: "Apply: {title}",
  addOffer: "Add an offer",
  offerSentence: "In return, I'd be glad to help with [something useful to you] - just let me know.",
  evidence: "In your text:",
  suggestion: "Suggestion:",
  recipientsHeading: "Where did you find each address?",
  foundAtLabel: "Page where {address} is published (URL)",
  foundAtHint: "Etiquette: only write to addresses the person lists publicly.",
  noRecipients: "Add a recipient to check this message.",
  error: "The check could not run: {reason}",
  offline: "The advisor service cannot be reached. Your mail is not blocked.",
  passed: "passed",
  failed: "failed",
  skipped: "skipped",
  severity_error: "Error",
  severity_warning: "Warning",
  severity_info: "Tip",
  category_relationship: "Relationship",
  category_channel: "Channel",
  category_reciprocity: "Reciprocity",
  category_personalisation: "Personalisation",
  category_automation: "Automation",
  category_other: "Other",
  fixApplied: "Fix applied. Checking again.",
  offerInserted: "Offer inserted at the cursor: edit the words in brackets.",
  sendBlockedOne: "Outreach Advisor: {message} Review the message, or send anyway.",
  sendBlockedMany: "Outreach Advisor found {count} problems, e.g. {message} Review the message, or send anyway.",
};

export type Strings = typeof en;

const it: Strings = {
  title: "Outreach Advisor",
  intro: "Controlla questa bozza secondo il galateo dei contatti a freddo: prima instaura un rapporto, chiedi in privato, offri qualcosa in cambio, sii specifico, non automatizzare.",
  checkAgain: "Controlla di nuovo",
  checking: "Controllo in corso...",
  score: "Punteggio",
  scoreOf: "{score} su 100",
  language: "Lingua: {language}",
  noFindings: "Nessun problema trovato.",
  findingsHeading: "Problemi trovati",
  checksHeading: "Cosa è stato controllato",
  mutedHeading: "Avvisi silenziati",
  unmute: "Avvisami di nuovo",
  mute: "Non avvisarmi più per questo",
  apply: "Applica: {title}",
  addOffer: "Aggiungi un'offerta",
  offerSentence: "In cambio, sarei felice di aiutarti con [qualcosa di utile per te]: fammi sapere.",
  evidence: "Nel tuo testo:",
  suggestion: "Suggerimento:",
  recipientsHeading: "Dove hai trovato ogni indirizzo?",
  foundAtLabel: "Pagina in cui {address} è pubblicato (URL)",
  foundAtHint: "Galateo: scrivi solo agli indirizzi che la persona rende pubblici.",
  noRecipients: "Aggiungi un destinatario per controllare il messaggio.",
  error: "Impossibile eseguire il controllo: {reason}",
  offline: "Il servizio non è raggiungibile. La posta non viene bloccata.",
  passed: "superato",
  failed: "non superato",
  skipped: "saltato",
  severity_error: "Errore",
  severity_warning: "Avviso",
  severity_info: "Consiglio",
  category_relationship: "Relazione",
  category_channel: "Canale",
  category_reciprocity: "Reciprocità",
  category_personalisation: "Personalizzazione",
  category_automation: "Automazione",
  category_other: "Altro",
  fixApplied: "Correzione applicata. Nuovo controllo in corso.",
  offerInserted: "Offerta inserita al cursore: modifica le parole tra parentesi.",
  sendBlockedOne: "Outreach Advisor: {message} Rivedi il messaggio o invialo comunque.",
  sendBlockedMany: "Outreach Advisor ha trovato {count} problemi, ad es. {message} Rivedi il messaggio o invialo comunque.",
};

const dictionaries: Record<string, Strings> = { en, it };

/** The two-letter UI language for an Office display language such as "it-IT" or "en-US". */
export function uiLanguage(displayLanguage: string | undefined | null): "en" | "it" {
  return (displayLanguage ?? "").toLowerCase().split(/[-_]/)[0] === "it" ? "it" : "en";
}

export function stringsFor(displayLanguage: string | undefined | null): Strings {
  return dictionaries[uiLanguage(displayLanguage)];
}

export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}
