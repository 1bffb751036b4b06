/**
 * Opens a page outside the task pane: Office's own browser window where the host has one
 * (Office.context.ui.openBrowserWindow, requirement set OpenBrowserWindowApi 1.1), else a new
 * browser window.
 */
export function openPage(url: string): void {
  const absolute = new URL(url, location.href).href;
  const ui = typeof Office === "undefined" ? undefined : (Office.context as Partial<Office.Context> | undefined)?.ui;
  if (ui && typeof ui.openBrowserWindow === "function") {
    ui.openBrowserWindow(absolute);
    return;
  }
  window.open(absolute, "_blank", "noopener");
}

/** The report page's own policy, repeated in the page when it is shown from memory (no response headers there). */
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * Shows an HTML page fetched with the user's token (a new window cannot send it) in a new window,
 * from a blob: URL, under the same Content-Security-Policy as the server sends (no scripts).
 * `win` is a window opened during the click (before any await), so pop-up blockers let it through.
 */
export function showHtmlInWindow(win: Window | null, html: string): void {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PAGE_POLICY}">`;
  const page = /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => head + meta) : meta + html;
  const url = URL.createObjectURL(new Blob([page], { type: "text/html" }));
  if (win) {
    win.opener = null;
    win.location.href = url;
  } else {
    window.open(url, "_blank", "noopener");
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
