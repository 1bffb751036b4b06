// The plain text of an HTML body, computed exactly as the server does
// (functions/OutreachAdvisor.Analysis/Text/HtmlText.cs: evidence and fix offsets point into it),
// plus, for every character of that text, where in the HTML it came from. That map lets a fix change
// only the characters it means to change and leave every other byte of the HTML as it was.

const BLOCK = new Set(["p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "hr", "section", "article", "header", "footer", "pre"]);
const SKIPPED = new Set(["script", "style", "head", "title", "template", "noscript"]);
/** Elements a new paragraph can be placed after. */
const PARAGRAPHS = new Set(["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre"]);

/** A paragraph-like element of the HTML, by source positions. */
export interface HtmlBlock {
  name: string;
  /** The opening tag, as written (copied for a new sibling). */
  openTag: string;
  start: number;
  /** Where its content starts (after the opening tag). */
  contentStart: number;
  /** After its closing tag; -1 when it is never closed. */
  end: number;
  /** Whether any text of the plain text comes from inside it. */
  hasText: boolean;
}

export interface MappedText {
  text: string;
  /** For each character of `text`: its source range in the HTML, or -1 when it was made up (a line break, a link's URL). */
  srcStart: number[];
  srcEnd: number[];
  /** For each character: the innermost paragraph-like element it lies in (index into `blocks`), or -1. */
  block: number[];
  blocks: HtmlBlock[];
}

// WebUtility.HtmlDecode knows the HTML 4 entities; these are the ones mail editors write. Any other
// named entity is kept as written (the server may decode it: then a fix there is refused, never misapplied).
const NAMED: Record<string, string> = {
  nbsp: "\u00a0", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", copy: "\u00a9", reg: "\u00ae", trade: "\u2122",
  hellip: "\u2026", mdash: "\u2014", ndash: "\u2013", lsquo: "\u2018", rsquo: "\u2019", ldquo: "\u201c", rdquo: "\u201d",
  laquo: "\u00ab", raquo: "\u00bb", bull: "\u2022", middot: "\u00b7", euro: "\u20ac", deg: "\u00b0", shy: "\u00ad",
  agrave: "\u00e0", aacute: "\u00e1", egrave: "\u00e8", eacute: "\u00e9", igrave: "\u00ec", iacute: "\u00ed", ograve: "\u00f2",
  oacute: "\u00f3", ugrave: "\u00f9", uacute: "\u00fa", Agrave: "\u00c0", Egrave: "\u00c8", Eacute: "\u00c9", Igrave: "\u00cc",
  Ograve: "\u00d2", Ugrave: "\u00d9", ccedil: "\u00e7", ntilde: "\u00f1", auml: "\u00e4", ouml: "\u00f6", uuml: "\u00fc", szlig: "\u00df",
};

/** Decodes one entity at `i` (html[i] === "&"): [decoded text, source length], or null when it is not one. */
function entityAt(html: string, i: number, end: number): [string, number] | null {
  const m = /^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/.exec(html.slice(i, Math.min(end, i + 40)));
  if (!m) return null;
  const body = m[1];
  if (body.startsWith("#")) {
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return null;
    return [String.fromCodePoint(code), m[0].length];
  }
  return body in NAMED ? [NAMED[body], m[0].length] : null;
}

// char.IsWhiteSpace: JavaScript's \s but with U+0085 and without U+FEFF.
const isSpace = (c: string) => c === "\u0085" || (c !== "\ufeff" && /\s/.test(c));

function tagName(tag: string): string {
  const m = /^[A-Za-z0-9:-]*/.exec(tag);
  return m ? m[0] : "";
}

/** The server's Attribute(): the first "name=" anywhere in the tag, quoted or not. */
function attribute(tag: string, name: string): string | null {
  const at = tag.toLowerCase().indexOf(name + "=");
  if (at < 0) return null;
  const start = at + name.length + 1;
  if (start >= tag.length) return null;
  const quote = tag[start];
  if (quote === '"' || quote === "'") {
    const end = tag.indexOf(quote, start + 1);
    return end < 0 ? tag.slice(start + 1) : tag.slice(start + 1, end);
  }
  let stop = start;
  while (stop < tag.length && !isSpace(tag[stop]) && tag[stop] !== ">") stop++;
  return tag.slice(start, stop);
}

function decodeAll(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; ) {
    const e = text[i] === "&" ? entityAt(text, i, text.length) : null;
    if (e) {
      out += e[0];
      i += e[1];
    } else out += text[i++];
  }
  return out;
}

/** HtmlText.ToPlainText with the source map. */
export function htmlToText(html: string): MappedText {
  const out: MappedText = { text: "", srcStart: [], srcEnd: [], block: [], blocks: [] };
  const chars: string[] = [];
  const open: number[] = []; // indexes into out.blocks of paragraph-like elements not yet closed
  let pendingSpace = false;
  let pendingSpaceSrc = -1;
  let pendingBreaks = 0;
  let linkTextStart = -1;
  let atLineStart = true;
  let quoteDepth = 0;
  let pendingHref: string | null = null;

  const currentBlock = () => (open.length ? open[open.length - 1] : -1);
  const emit = (c: string, start: number, end: number) => {
    chars.push(c);
    out.srcStart.push(start);
    out.srcEnd.push(end);
    const b = currentBlock();
    out.block.push(b);
    if (b >= 0 && start >= 0) for (const i of open) out.blocks[i].hasText = true;
  };
  const flush = () => {
    if (pendingBreaks > 0) {
      for (let b = 0; b < pendingBreaks; b++) emit("\n", -1, -1);
      atLineStart = true;
      pendingBreaks = 0;
      pendingSpace = false;
    }
    if (atLineStart && quoteDepth > 0) {
      for (let q = 0; q < quoteDepth; q++) emit(">", -1, -1);
      emit(" ", -1, -1);
      atLineStart = false;
    } else if (pendingSpace && chars.length > 0 && !atLineStart) {
      emit(" ", pendingSpaceSrc, pendingSpaceSrc < 0 ? -1 : pendingSpaceSrc + 1);
    }
    pendingSpace = false;
    pendingSpaceSrc = -1;
  };
  /** Writer.Text over source chars; `src` null for made-up text (a link's URL, an image's alt). */
  const text = (value: string, src: { start: number[]; end: number[] } | null) => {
    for (let k = 0; k < value.length; k++) {
      const raw = value[k];
      const c = raw === "\u00a0" ? " " : raw;
      if (isSpace(c)) {
        if (!pendingSpace) pendingSpaceSrc = src && src.end[k] - src.start[k] === 1 ? src.start[k] : -1;
        pendingSpace = true;
        continue;
      }
      flush();
      emit(c, src ? src.start[k] : -1, src ? src.end[k] : -1);
      atLineStart = false;
    }
  };
  const lineBreak = () => {
    if (chars.length > 0) pendingBreaks = Math.max(pendingBreaks, 1);
    pendingSpace = false;
    pendingSpaceSrc = -1;
  };
  const hardBreak = () => {
    if (pendingBreaks > 0) flush();
    pendingBreaks = 1;
    pendingSpace = false;
    pendingSpaceSrc = -1;
  };

  let i = 0;
  while (i < html.length) {
    if (html[i] !== "<") {
      let next = html.indexOf("<", i);
      if (next < 0) next = html.length;
      // Decode this run, remembering each decoded char's source range.
      let value = "";
      const start: number[] = [];
      const end: number[] = [];
      for (let j = i; j < next; ) {
        const e = html[j] === "&" ? entityAt(html, j, next) : null;
        const [decoded, length] = e ?? [html[j], 1];
        for (const ch of decoded.split("")) {
          value += ch;
          start.push(j);
          end.push(j + length);
        }
        j += length;
      }
      text(value, { start, end });
      i = next;
      continue;
    }
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const close = html.indexOf(">", i);
    if (close < 0) {
      const rest = html.slice(i);
      text(rest, { start: [...rest].map((_, k) => i + k), end: [...rest].map((_, k) => i + k + 1) });
      break;
    }
    const tag = html.slice(i + 1, close);
    const isEnd = tag.startsWith("/");
    const rawName = tagName(isEnd ? tag.slice(1) : tag);
    const name = rawName.toLowerCase();
    const tagStart = i;
    i = close + 1;

    if (!isEnd && SKIPPED.has(name)) {
      const end = html.toLowerCase().indexOf("</" + name, i);
      const endClose = end < 0 ? -1 : html.indexOf(">", end);
      i = endClose < 0 ? html.length : endClose + 1;
      continue;
    }
    if (PARAGRAPHS.has(name)) {
      if (!isEnd && !tag.endsWith("/")) {
        out.blocks.push({ name, openTag: html.slice(tagStart, i), start: tagStart, contentStart: i, end: -1, hasText: false });
        open.push(out.blocks.length - 1);
      } else if (isEnd) {
        const at = open.map((b) => out.blocks[b].name).lastIndexOf(name);
        if (at >= 0) {
          out.blocks[open[at]].end = i;
          open.length = at;
        }
      }
    }
    if (name === "blockquote") {
      lineBreak();
      quoteDepth = Math.max(0, quoteDepth + (isEnd ? -1 : 1));
      continue;
    }
    if (name === "a") {
      if (!isEnd) {
        pendingHref = attribute(tag, "href");
        linkTextStart = chars.length;
      } else if (pendingHref !== null) {
        const href = decodeAll(pendingHref);
        const isWeb = /^https?:\/\//i.test(href);
        const linkText = linkTextStart >= 0 && linkTextStart <= chars.length ? chars.slice(linkTextStart).join("") : "";
        linkTextStart = -1;
        if (isWeb && !linkText.toLowerCase().includes(href.toLowerCase())) text(" <" + href + ">", null);
        pendingHref = null;
      }
      continue;
    }
    if (name === "br") hardBreak();
    else if (BLOCK.has(name)) lineBreak();
    else if ((rawName === "td" || rawName === "th") && !isEnd) {
      // case-sensitive, as on the server; a cell's space comes from no character of the HTML
      if (!pendingSpace) pendingSpaceSrc = -1;
      pendingSpace = true;
    }
    else if (name === "img") {
      const alt = attribute(tag, "alt");
      if (alt) text(decodeAll(alt), null);
    }
  }
  out.text = chars.join("");
  return out;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Replaces plain-text characters [start, start + length) with `replacement` by changing only the
 * HTML text they came from. Returns the new HTML, or null when that cannot be done safely: the
 * text there is not `expected`, part of it was made up (a line break, a link's URL), or the result
 * would not read as exactly the intended text.
 */
export function replaceInHtml(html: string, start: number, length: number, replacement: string, expected: string): string | null {
  const mapped = htmlToText(html);
  const plain = mapped.text;
  if (start < 0 || length < 0 || start + length > plain.length || plain.slice(start, start + length) !== expected) return null;
  // Change as little as possible: "Dear _ __" -> "Dear Jane" rewrites "_ __" only.
  let prefix = 0;
  while (prefix < length && prefix < replacement.length && expected[prefix] === replacement[prefix]) prefix++;
  let suffix = 0;
  while (suffix < length - prefix && suffix < replacement.length - prefix && expected[length - 1 - suffix] === replacement[replacement.length - 1 - suffix]) suffix++;
  const from = start + prefix;
  const to = start + length - suffix;
  const insert = escapeHtml(replacement.slice(prefix, replacement.length - suffix));

  // Source runs of the changed characters: the new text goes into the first, the others are emptied.
  const edits: { at: number; end: number; text: string }[] = [];
  for (let k = from; k < to; k++) {
    if (mapped.srcStart[k] < 0) return null;
    const last = edits[edits.length - 1];
    if (last && last.end === mapped.srcStart[k]) last.end = mapped.srcEnd[k];
    else edits.push({ at: mapped.srcStart[k], end: mapped.srcEnd[k], text: "" });
  }
  if (edits.length > 0) edits[0].text = insert;
  else {
    // A pure insertion: right after the character before it, else right before the one after it.
    const at = from > 0 && mapped.srcEnd[from - 1] >= 0 ? mapped.srcEnd[from - 1] : from < plain.length ? mapped.srcStart[from] : -1;
    if (at < 0) return null;
    edits.push({ at, end: at, text: insert });
  }
  let result = html;
  for (const e of [...edits].reverse()) result = result.slice(0, e.at) + e.text + result.slice(e.end);
  const intended = plain.slice(0, start) + replacement + plain.slice(start + length);
  return htmlToText(result).text === intended ? result : null;
}

/**
 * Adds `paragraph` as a paragraph of its own after the paragraph holding plain-text offset `offset`:
 * a sibling element of the same kind (with the same opening tag, so it looks the same), preceded by
 * a copy of the empty line that separates paragraphs when the body uses one. Falls back to two line
 * breaks after the line. Only inserts: every byte of the original HTML stays as it was.
 */
export function insertParagraphInHtml(html: string, offset: number, paragraph: string): string | null {
  const mapped = htmlToText(html);
  if (mapped.text.length === 0) return null;
  let k = Math.min(Math.max(0, offset), mapped.text.length - 1);
  while (k > 0 && mapped.srcStart[k] < 0) k--; // the nearest character that came from the HTML
  const text = escapeHtml(paragraph);
  let blockIndex = mapped.block[k];
  // The outermost paragraph-like element that ends on this line (a <div> line holding a <p>, say) is the one to follow.
  while (blockIndex >= 0) {
    const b = mapped.blocks[blockIndex];
    const parent = mapped.blocks.findIndex((p, i) => i !== blockIndex && p.start < b.start && p.end >= b.end && p.end >= 0 && b.end >= 0 && html.slice(b.end, p.end).replace(/<\/[^>]+>|\s/g, "") === "");
    if (parent < 0 || !PARAGRAPHS.has(mapped.blocks[parent].name) || mapped.blocks[parent].name === "li") break;
    blockIndex = parent;
  }
  const block = blockIndex >= 0 ? mapped.blocks[blockIndex] : null;
  if (block && block.end >= 0) {
    const next = mapped.blocks.find((b) => b.start >= block.end && html.slice(block.end, b.start).trim() === "");
    const emptyLine = next && !next.hasText && next.end >= 0 && /^<[^>]+>\s*(<br[^>]*>)?\s*<\/[^>]+>$/i.test(html.slice(next.start, next.end)) ? html.slice(next.start, next.end) : "";
    const sibling = `${emptyLine}${block.openTag}${text}</${block.name}>`;
    return html.slice(0, block.end) + sibling + html.slice(block.end);
  }
  // No element to follow: after the last character of the line, as two line breaks and the text.
  let end = k;
  while (end + 1 < mapped.text.length && mapped.text[end + 1] !== "\n") end++;
  while (end > 0 && mapped.srcEnd[end] < 0) end--;
  const at = mapped.srcEnd[end];
  if (at < 0) return null;
  return html.slice(0, at) + `<br><br>${text}` + html.slice(at);
}
