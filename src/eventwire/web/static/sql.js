/* eventwire SQL page: POST /api/sql, render the table. */
(() => {
  "use strict";
  const $ = (s) => document.querySelector(s);
  function el(tag, text) { const n = document.createElement(tag); if (text !== undefined) n.textContent = text; return n; }

  async function run(evt) {
    evt.preventDefault();
    const status = $("#sql-status"), head = $("#sql-result thead"), body = $("#sql-result tbody");
    head.replaceChildren(); body.replaceChildren();
    status.classList.remove("error");
    status.textContent = "running…";
    document.body.dataset.busy = "1";
    const headers = { "content-type": "application/json" };
    const token = $("#sql-token").value.trim();
    if (token) headers.authorization = `Bearer ${token}`;
    const t0 = performance.now();
    try {
      const res = await fetch("/api/sql", { method: "POST", headers,
        body: JSON.stringify({ sql: $("#sql-text").value, limit: Number($("#sql-limit").value) || 200 }) });
      const data = await res.json();
      if (!res.ok) throw new Error(data.error || `${res.status}`);
      const tr = el("tr");
      for (const c of data.columns) tr.append(el("th", c));
      head.append(tr);
      for (const row of data.rows) {
        const r = el("tr");
        for (const v of row) r.append(el("td", v === null ? "NULL" : typeof v === "object" ? JSON.stringify(v) : String(v)));
        body.append(r);
      }
      const ms = Math.round(performance.now() - t0);
      status.textContent = `${data.rows.length} row${data.rows.length === 1 ? "" : "s"}` +
        (data.truncated ? ` (cut at ${data.limit}; add LIMIT or narrow the query)` : "") + ` in ${ms} ms`;
    } catch (e) {
      status.textContent = e.message;
      status.classList.add("error");
    } finally {
      document.body.dataset.busy = "0";
      document.body.dataset.runs = String(Number(document.body.dataset.runs) + 1);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("#sql-form").addEventListener("submit", run);
    const q = new URLSearchParams(location.search).get("q");
    if (q) $("#sql-text").value = q;
  });
})();
