import { h } from "./dom";

export interface Tab {
  id: string;
  label: string;
  panel: HTMLElement;
}

export interface Tabs {
  readonly list: HTMLElement;
  select(id: string, focus?: boolean): void;
}

/**
 * WAI-ARIA tabs with automatic activation: one tab in the Tab order, arrow keys (and Home/End)
 * move between tabs and show their panel. `onChange` runs with the selected tab's id.
 */
export function createTabs(label: string, tabs: Tab[], onChange: (id: string) => void): Tabs {
  const buttons = tabs.map((t) => {
    t.panel.id ||= `panel-${t.id}`;
    t.panel.setAttribute("role", "tabpanel");
    t.panel.setAttribute("aria-labelledby", `tab-${t.id}`);
    t.panel.tabIndex = 0;
    const b = h("button", { type: "button", role: "tab", id: `tab-${t.id}`, "aria-controls": t.panel.id, "data-tab": t.id }, t.label);
    b.addEventListener("click", () => select(t.id, false));
    return b;
  });
  const list = h("div", { role: "tablist", "aria-label": label, class: "tabs" }, buttons);
  let current = "";

  function select(id: string, focus = false) {
    tabs.forEach((t, i) => {
      const on = t.id === id;
      buttons[i].setAttribute("aria-selected", String(on));
      buttons[i].tabIndex = on ? 0 : -1;
      t.panel.hidden = !on;
      if (on && focus) buttons[i].focus();
    });
    if (id !== current) {
      current = id;
      onChange(id);
    }
  }

  list.addEventListener("keydown", (event) => {
    const i = buttons.findIndex((b) => b === document.activeElement);
    if (i < 0) return;
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(tabs[(next + tabs.length) % tabs.length].id, true);
  });

  select(tabs[0].id);
  return { list, select };
}
