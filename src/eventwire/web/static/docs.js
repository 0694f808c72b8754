/* Offline API reference rendered from /openapi.json (no Swagger UI, no CDN). */
(() => {
  "use strict";
  const el = (tag, attrs, ...kids) => {
    const n = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k.startsWith("on")) n.addEventListener(k.slice(2), v);
      else if (v !== null && v !== undefined && v !== false) n.setAttribute(k, v);
    }
    for (const kid of kids.flat()) if (kid !== null && kid !== undefined) n.append(kid);
    return n;
  };

  function typeOf(schema, spec) {
    if (!schema) return "";
    if (schema.$ref) return schema.$ref.split("/").pop();
    if (schema.anyOf) return schema.anyOf.map((s) => typeOf(s, spec)).filter((t) => t !== "null").join(" | ");
    if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
    if (schema.const !== undefined) return JSON.stringify(schema.const);
    let t = schema.format ? `${schema.type} (${schema.format})` : schema.type || "";
    const lim = [];
    for (const [k, s] of [["minimum", "≥"], ["maximum", "≤"], ["minLength", "min length "], ["maxLength", "max length "]]) {
      if (schema[k] !== undefined) lim.push(`${s}${schema[k]}`);
    }
    if (lim.length) t += ` [${lim.join(", ")}]`;
    return t;
  }

  function paramTable(params, inputs) {
    if (!params.length) return null;
    return el("table", {},
      el("thead", {}, el("tr", {}, el("th", {}, "parameter"), el("th", {}, "in"), el("th", {}, "type"),
        el("th", {}, "description"), el("th", {}, "value"))),
      el("tbody", {}, params.map((p) => {
        const input = el("input", { name: p.name, placeholder: p.schema && p.schema.default !== undefined ? String(p.schema.default) : "" });
        inputs.push([p, input]);
        return el("tr", {}, el("td", {}, el("code", {}, p.name), p.required ? " *" : ""), el("td", {}, p.in),
          el("td", {}, typeOf(p.schema)), el("td", {}, p.description || (p.schema && p.schema.description) || ""),
          el("td", {}, input));
      })));
  }

  function schemaTable(name, spec) {
    const s = spec.components && spec.components.schemas && spec.components.schemas[name];
    if (!s || !s.properties) return null;
    return el("table", {},
      el("thead", {}, el("tr", {}, el("th", {}, "field"), el("th", {}, "type"), el("th", {}, "description"))),
      el("tbody", {}, Object.entries(s.properties).map(([k, v]) => el("tr", {},
        el("td", {}, el("code", {}, k), (s.required || []).includes(k) ? " *" : ""),
        el("td", {}, typeOf(v)), el("td", {}, v.description || "")))));
  }

  function endpoint(path, method, op, spec) {
    const inputs = [];
    const out = el("pre", { hidden: true });
    const bodyRef = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
    const bodyName = bodyRef && bodyRef.schema && bodyRef.schema.$ref ? bodyRef.schema.$ref.split("/").pop() : null;
    const body = bodyName ? el("textarea", { rows: 4 }, JSON.stringify({ text: "Iran and Iraq signed a memorandum of understanding in Tehran on Sunday.", pub_date: "2017-07-23" }, null, 1)) : null;
    async function tryIt() {
      let url = path;
      const q = new URLSearchParams();
      for (const [p, input] of inputs) {
        if (!input.value) continue;
        if (p.in === "path") url = url.replace(`{${p.name}}`, encodeURIComponent(input.value));
        else q.set(p.name, input.value);
      }
      if (String(q)) url += `?${q}`;
      const init = { method: method.toUpperCase() };
      if (body) { init.body = body.value; init.headers = { "content-type": "application/json" }; }
      out.hidden = false;
      out.textContent = `${init.method} ${url}\n…`;
      try {
        const res = await fetch(url, init);
        const text = await res.text();
        let shown = text;
        try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (_e) { /* not JSON */ }
        out.textContent = `${init.method} ${url}\n${res.status} ${res.statusText}\n\n${shown.slice(0, 20000)}`;
      } catch (e) {
        out.textContent = String(e);
      }
    }
    return el("section", { class: "endpoint", id: `${method}-${path}` },
      el("h2", {}, el("span", { class: `method ${method}` }, method.toUpperCase()), path),
      el("p", { class: "desc" }, (op.description || op.summary || "").replace(/([^\n])\n(?!\n)/g, "$1 ")),
      paramTable(op.parameters || [], inputs),
      bodyName ? el("div", {}, el("h3", {}, `JSON body: ${bodyName}`), schemaTable(bodyName, spec), body) : null,
      el("div", { class: "try" }, el("button", { type: "button", onclick: tryIt }, "Try")),
      out);
  }

  async function start() {
    const box = document.getElementById("endpoints");
    try {
      const spec = await (await fetch("/openapi.json")).json();
      document.getElementById("api-version").textContent = `${spec.info.title} ${spec.info.version} · OpenAPI ${spec.openapi}`;
      document.getElementById("api-description").textContent = spec.info.description || "";
      box.textContent = "";
      for (const [path, ops] of Object.entries(spec.paths)) {
        for (const [method, op] of Object.entries(ops)) box.append(endpoint(path, method, op, spec));
      }
    } catch (e) {
      box.textContent = `cannot load /openapi.json: ${e}`;
    }
  }
  document.addEventListener("DOMContentLoaded", start);
})();
