// dossier's pages work without this script; it adds keyboard shortcuts, the entity legend's
// toggles and sortable fact tables. It never writes article text into the page as HTML.
"use strict";

document.addEventListener("keydown", (event) => {
  const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
  if (event.key === "/" && !typing) {
    const box = document.getElementById("q");
    if (box) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  }
});

// The legend: each checkbox shows or hides the marks of its label.
for (const box of document.querySelectorAll("input[data-toggle-label]")) {
  box.addEventListener("change", () => {
    const label = box.dataset.toggleLabel;
    for (const mark of document.querySelectorAll("mark.e")) {
      if (mark.dataset.label === label) {
        mark.classList.toggle("off", !box.checked);
      }
    }
  });
}

// Sortable tables: a header with data-sort sorts the rows shown by its column, as numbers or
// as text; a second activation reverses the order.
for (const table of document.querySelectorAll("table.sortable")) {
  const headers = table.querySelectorAll("th[data-sort]");
  headers.forEach((th) => {
    th.tabIndex = 0;
    th.title = "Sort by this column";
    const sort = () => {
      const column = Array.from(th.parentNode.children).indexOf(th);
      const numeric = th.dataset.sort === "number";
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach((other) => other.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const body = table.tBodies[0];
      const key = (row) => {
        const cell = row.cells[column];
        if (!numeric) return cell.textContent.trim().toLowerCase();
        const n = parseFloat(cell.dataset.value);
        return Number.isNaN(n) ? -Infinity : n;
      };
      const rows = Array.from(body.rows);
      rows.sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        const order = x < y ? -1 : x > y ? 1 : 0;
        return ascending ? order : -order;
      });
      body.append(...rows);
    };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        sort();
      }
    });
  });
}
