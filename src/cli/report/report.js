// Sortable tables: a click (or Enter) on a column's name sorts the rows
// by it, again to reverse. Numbers sort by their data-value when a cell
// has one (percentages, rates), else by their text. Without script the
// tables stay readable, in corpus order.
"use strict";
for (const table of document.querySelectorAll("table.sortable")) {
  const body = table.tBodies[0];
  const heads = Array.from(table.tHead.rows[0].cells);
  heads.forEach((th, col) => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    th.setAttribute("aria-sort", "none");
    const numeric = th.dataset.type === "number";
    const key = (row) => {
      const cell = row.cells[col];
      const raw = cell.dataset.value ?? cell.textContent.trim();
      return numeric ? Number.parseFloat(raw) || 0 : raw.toLowerCase();
    };
    button.addEventListener("click", () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      for (const other of heads) other.setAttribute("aria-sort", "none");
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const rows = Array.from(body.rows);
      rows.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        const order = numeric ? x - y : x.localeCompare(y);
        return ascending ? order : -order;
      });
      body.append(...rows);
    });
  });
}
