import "./taskpane.css";
import { startTaskPane } from "./app";
import { officeDeps } from "./deps";

// taskpane.html loads Office.js before this module; in Outlook the item is ready after onReady.
void Office.onReady(() => {
  const root = document.getElementById("app");
  if (root) startTaskPane(root, officeDeps());
});
