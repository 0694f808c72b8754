/* eventwire dashboard: vanilla JS + SVG, every request to this server's /api and /static. */
(() => {
  "use strict";

  const SVGNS = "http://www.w3.org/2000/svg";
  const $ = (sel) => document.querySelector(sel);
  const QUADS = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
  const FORM_FILTERS = ["since", "until", "actor", "dyad", "country", "root", "quad", "text"];
  const FILTERS = [...FORM_FILTERS, "between", "dedup", "include_background", "all_dyads"];
  // what the aggregates leave out by default (`left_out` in the API's answers), and the
  // parameter that brings each back
  const LEFT_OUT = { background: ["include_background", "background"], incomplete: ["all_dyads", "incomplete"] };
  const PAGE = 50;
  const POLL_MS = 5000;

  const state = {
    filters: {}, offset: 0, sort: "-event_date", period: "auto",
    meta: null, world: null, worldReady: Promise.resolve(), generation: 0,
    view: { x: -180, y: -90, w: 360, h: 180 }, points: [],
  };

  // ------------------------------------------------------------------ DOM helpers

  function build(node, attrs, kids) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const kid of kids.flat()) {
      if (kid === null || kid === undefined || kid === false) continue;
      node.append(kid instanceof Node ? kid : String(kid));
    }
    return node;
  }
  const el = (tag, attrs, ...kids) => build(document.createElement(tag), attrs, kids);
  const svg = (tag, attrs, ...kids) => build(document.createElementNS(SVGNS, tag), attrs, kids);
  const clear = (node) => { while (node.firstChild) node.removeChild(node.firstChild); return node; };
  const fmt = (n) => (n === null || n === undefined ? "–" : Number(n).toLocaleString("en-US"));
  const signed = (g) => (g === null || g === undefined ? "–" : (g > 0 ? "+" : "") + Number(g).toFixed(1));

  function status(text, isError) {
    const s = $("#status");
    s.textContent = text || "";
    s.classList.toggle("error", !!isError);
  }

  async function api(path, params, init) {
    const url = params && String(params) ? `${path}?${params}` : path;
    const res = await fetch(url, init);
    let body = null;
    try { body = await res.json(); } catch (_e) { body = null; }
    if (!res.ok) throw new Error((body && body.error) || `${res.status} ${res.statusText}`);
    return body;
  }

  function params(extra) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...state.filters, ...(extra || {}) })) {
      if (v !== "" && v !== null && v !== undefined) p.set(k, v);
    }
    return p;
  }

  /** The sentence with source, trigger and target marked (offsets are code points). */
  function highlight(sentence, ev) {
    const chars = Array.from(sentence || "");
    const spans = [];
    const add = (s, e, cls, label) => {
      if (Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s < e && e <= chars.length) {
        spans.push({ s, e, cls, label });
      }
    };
    add(ev.source_start, ev.source_end, "src", `source ${ev.source_code || ""}`);
    add(ev.target_start, ev.target_end, "tgt", `target ${ev.target_code || ""}`);
    add(ev.trigger_start, ev.trigger_end, "trg", `trigger, rule ${ev.rule_id || ""}`);
    const cuts = [...new Set([0, chars.length, ...spans.flatMap((x) => [x.s, x.e])])].sort((a, b) => a - b);
    const frag = document.createDocumentFragment();
    for (let i = 0; i < cuts.length - 1; i++) {
      const a = cuts[i], b = cuts[i + 1];
      const text = chars.slice(a, b).join("");
      const cover = spans.filter((x) => x.s <= a && x.e >= b);
      if (!cover.length) frag.append(text);
      else {
        const top = cover[cover.length - 1];
        frag.append(el("mark", { class: top.cls, title: top.label.trim() }, text));
      }
    }
    return frag;
  }

  function goldColor(g) {
    const neu = [154, 160, 166], neg = [192, 57, 43], pos = [30, 132, 73];
    if (g === null || g === undefined || Number.isNaN(g)) return "rgb(154,160,166)";
    const t = Math.max(-1, Math.min(1, g / 10));
    const to = t < 0 ? neg : pos, k = Math.abs(t);
    const c = neu.map((v, i) => Math.round(v + (to[i] - v) * k));
    return `rgb(${c.join(",")})`;
  }

  function niceTicks(max, count) {
    if (!(max > 0)) return [0, 1];
    const raw = max / count, mag = 10 ** Math.floor(Math.log10(raw)), err = raw / mag;
    const step = Math.max(1, (err >= 7.5 ? 10 : err >= 3.5 ? 5 : err >= 1.5 ? 2 : 1) * mag);
    const ticks = [];
    for (let v = 0; v <= max + step * 0.999; v += step) ticks.push(v);
    return ticks;
  }

  // ------------------------------------------------------------------ filters and URL state

  function readForm() {
    const form = $("#filters");
    const out = {};
    for (const name of FORM_FILTERS) {
      const v = (form.elements[name].value || "").trim();
      if (v) out[name] = v;
    }
    if ($("#both").checked && out.dyad) { // A ↔ B: both directions
      const [a, b] = out.dyad.split(/[:,]/).map((x) => (x || "").trim());
      if (a && b) { out.between = `${a},${b}`; delete out.dyad; }
    }
    if ($("#dedup").checked) out.dedup = "one-a-day";
    for (const [param] of Object.values(LEFT_OUT)) if (state.filters[param]) out[param] = state.filters[param];
    return out;
  }

  function writeForm() {
    const form = $("#filters");
    for (const name of FORM_FILTERS) form.elements[name].value = state.filters[name] || "";
    if (state.filters.between) form.elements.dyad.value = state.filters.between.replace(",", ":");
    $("#both").checked = !!state.filters.between;
    $("#dedup").checked = state.filters.dedup === "one-a-day";
    $("#sort").value = state.sort;
    $("#period").value = state.period;
  }

  /** YYYY or YYYY-MM as the full date a date input takes (first day, or with `end` the last). */
  function fullDate(v, end) {
    const m = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec((v || "").trim());
    if (!m) return v;
    const y = Number(m[1]), mo = m[2] ? Number(m[2]) : end ? 12 : 1;
    const d = m[3] ? Number(m[3]) : end ? new Date(Date.UTC(y, mo, 0)).getUTCDate() : 1;
    return `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  }

  /** The view from the query string (?actor=IRN&since=2020-01), then the hash (#...), which wins. */
  function readHash() {
    const p = new URLSearchParams(location.search);
    for (const [k, v] of new URLSearchParams(location.hash.slice(1))) p.set(k, v);
    state.filters = {};
    for (const name of FILTERS) if (p.get(name)) state.filters[name] = p.get(name);
    if (state.filters.since) state.filters.since = fullDate(state.filters.since, false);
    if (state.filters.until) state.filters.until = fullDate(state.filters.until, true);
    state.sort = p.get("sort") || "-event_date";
    state.period = p.get("by") || "auto";
    state.offset = Math.max(0, parseInt(p.get("offset") || "0", 10) || 0);
  }

  /** The current view in the query string: the address is a link to this view. */
  function writeHash() {
    const p = params({ sort: state.sort === "-event_date" ? "" : state.sort,
                       by: state.period === "auto" ? "" : state.period,
                       offset: state.offset || "" });
    history.replaceState(null, "", p.toString() ? `${location.pathname}?${p}` : location.pathname);
  }

  function apply(filters) {
    state.filters = filters;
    state.offset = 0;
    writeForm();
    refresh();
  }

  function setFilter(name, value) {
    apply({ ...readForm(), [name]: value });
  }

  // ------------------------------------------------------------------ loading

  async function refresh() {
    const gen = ++state.generation;
    writeHash();
    document.body.dataset.busy = "1";
    status("loading…");
    const sortP = params({ sort: state.sort });
    $("#dl-csv").href = `/api/events.csv?${sortP}`;
    $("#dl-jsonl").href = `/api/events.jsonl?${sortP}`;
    const jobs = [loadSeries, loadRoots, loadMap, loadNetwork, loadTable, loadFacets].map((f) => f(gen));
    jobs.push(state.worldReady);
    const results = await Promise.allSettled(jobs);
    if (gen !== state.generation) return;
    const failed = results.find((r) => r.status === "rejected");
    if (failed) status(failed.reason.message, true);
    else status("");
    document.body.dataset.busy = "0";
    document.body.dataset.loads = String(Number(document.body.dataset.loads || 0) + 1);
  }

  function periodFor() {
    if (state.period !== "auto") return state.period;
    const m = state.meta || {};
    const a = Date.parse(state.filters.since || m.first_date || "");
    const b = Date.parse(state.filters.until || m.last_date || "");
    if (Number.isNaN(a) || Number.isNaN(b)) return "week";
    const days = (b - a) / 86400000;
    return days > 1100 ? "month" : days > 120 ? "week" : "day";
  }

  // ------------------------------------------------------------------ time series

  async function loadSeries(gen) {
    const by = periodFor();
    const data = await api("/api/series", params({ by, fill: "true" }));
    if (gen === state.generation) { drawSeries(data.series, by); showLeftOut(data.left_out); }
  }

  function drawSeries(rows, by) {
    const root = clear($("#series"));
    const legend = clear($("#series-legend"));
    QUADS.forEach((q, i) => legend.append(el("span", { class: "item" },
      el("span", { class: `swatch q${i + 1}` }), `${i + 1} ${q}`)));
    legend.append(el("span", { class: "item" }, el("span", { class: "swatch gold" }), "Goldstein mean (right axis)"));
    const W = 960, H = 260, L = 52, R = 46, T = 12, B = 30;
    const pw = W - L - R, ph = H - T - B;
    if (!rows.length) {
      root.append(svg("text", { x: W / 2, y: H / 2, class: "empty", "text-anchor": "middle" }, "no events match the filters"));
      return;
    }
    const max = Math.max(...rows.map((r) => r.n));
    const ticks = niceTicks(max, 5);
    const top = ticks[ticks.length - 1];
    const y = (v) => T + ph - (v / top) * ph;
    const gy = (g) => T + ph - ((g + 10) / 20) * ph;
    const bw = pw / rows.length;
    const axis = svg("g", { class: "axis" });
    for (const t of ticks) {
      root.append(svg("line", { class: "grid-line", x1: L, x2: W - R, y1: y(t), y2: y(t) }));
      axis.append(svg("text", { x: L - 6, y: y(t) + 4, "text-anchor": "end" }, fmt(t)));
    }
    for (const g of [-10, -5, 0, 5, 10]) {
      axis.append(svg("text", { x: W - R + 6, y: gy(g) + 4 }, signed(g).replace("+0.0", "0").replace(".0", "")));
    }
    axis.append(svg("line", { x1: L, x2: W - R, y1: T + ph, y2: T + ph }));
    axis.append(svg("line", { x1: L, x2: L, y1: T, y2: T + ph }));
    axis.append(svg("line", { x1: W - R, x2: W - R, y1: T, y2: T + ph }));
    const every = Math.max(1, Math.ceil(rows.length / 8));
    rows.forEach((r, i) => {
      if (i % every === 0) {
        axis.append(svg("text", { x: L + i * bw + bw / 2, y: H - 10, "text-anchor": "middle" },
          by === "month" ? r.period.slice(0, 7) : by === "year" ? r.period.slice(0, 4) : r.period));
      }
    });
    const bars = svg("g", { class: "bars" });
    rows.forEach((r, i) => {
      const g = svg("g", { class: "period" });
      let base = 0;
      for (let q = 1; q <= 4; q++) {
        const v = r[`quad${q}`];
        if (!v) continue;
        g.append(svg("rect", { class: `bar-q${q}`, x: L + i * bw + bw * 0.08, width: Math.max(0.6, bw * 0.84),
                              y: y(base + v), height: Math.max(0.5, y(base) - y(base + v)) }));
        base += v;
      }
      g.append(svg("title", {}, `${r.period} (${by}): ${fmt(r.n)} events — ` +
        QUADS.map((q, k) => `${k + 1}: ${fmt(r[`quad${k + 1}`])}`).join(", ") +
        `; Goldstein mean ${signed(r.goldstein_mean)}`));
      bars.append(g);
    });
    root.append(bars, axis);
    const pts = rows.map((r, i) => (r.goldstein_mean === null ? null : [L + i * bw + bw / 2, gy(r.goldstein_mean)]));
    let d = "", pen = false;
    for (const p of pts) {
      if (!p) { pen = false; continue; }
      d += `${pen ? "L" : "M"}${p[0].toFixed(1)} ${p[1].toFixed(1)}`;
      pen = true;
    }
    if (d) root.append(svg("path", { class: "gold-line", d }));
    if (rows.length <= 80) {
      pts.forEach((p) => { if (p) root.append(svg("circle", { class: "gold-dot", cx: p[0], cy: p[1], r: 2.2 })); });
    }
  }

  /** "3 background · 2 incomplete events left out · show", or what is shown and "hide". */
  function showLeftOut(left) {
    const box = clear($("#left-out"));
    const counts = Object.entries(LEFT_OUT).map(([key, [param, word]]) => [key, param, word, (left || {})[key] || 0]);
    const hidden = counts.filter(([, param, , n]) => n > 0 && !state.filters[param]);
    const shown = counts.filter(([, param]) => state.filters[param]);
    if (hidden.length) {
      box.append(`${hidden.map(([, , word, n]) => `${fmt(n)} ${word}`).join(" / ")} events left out · `,
        el("a", { href: "#", id: "left-out-show", onclick: (e) => {
          e.preventDefault();
          const f = readForm();
          for (const [, param] of hidden) f[param] = "1";
          apply(f);
        } }, "show"));
    } else if (shown.length) {
      box.append(`showing ${shown.map(([, , word]) => word).join(" and ")} events · `,
        el("a", { href: "#", id: "left-out-hide", onclick: (e) => {
          e.preventDefault();
          const f = readForm();
          for (const [, param] of shown) delete f[param];
          apply(f);
        } }, "hide"));
    }
  }

  // ------------------------------------------------------------------ CAMEO roots

  async function loadRoots(gen) {
    const data = await api("/api/roots", params());
    if (gen === state.generation) drawRoots(data.roots);
  }

  function drawRoots(rows) {
    const root = clear($("#roots"));
    const counts = Object.fromEntries(rows.map((r) => [r.cameo_root, r.n]));
    const roots = (state.meta ? state.meta.roots : rows.map((r) => ({ root: r.cameo_root, label: r.label, quad_class: r.quad_class })));
    const max = Math.max(1, ...rows.map((r) => r.n));
    const L = 210, W = 480, rowH = 20, T = 6;
    roots.forEach((r, i) => {
      const n = counts[r.root] || 0;
      const w = ((W - L - 60) * n) / max;
      const selected = state.filters.root === r.root;
      const label = `${r.root} ${(r.label || "").toLowerCase()}`;
      const g = svg("g", { class: "root-bar", transform: `translate(0 ${T + i * rowH})`,
                           "data-root": r.root, onclick: () => setFilter("root", selected ? "" : r.root) },
        svg("title", {}, `${r.root} ${r.label}: ${fmt(n)} events (click to ${selected ? "clear" : "filter"})`),
        svg("text", { x: L - 6, y: 14, "text-anchor": "end", "font-weight": selected ? "700" : null },
          label.length > 32 ? `${label.slice(0, 31)}…` : label),
        svg("rect", { x: L, y: 3, width: Math.max(n ? 1.5 : 0, w), height: rowH - 6, class: `bar-q${r.quad_class || 1}` }),
        svg("text", { x: L + w + 5, y: 14 }, n ? fmt(n) : ""));
      root.append(g);
    });
  }

  // ------------------------------------------------------------------ map

  function setView() {
    const v = state.view;
    $("#map").setAttribute("viewBox", `${v.x} ${v.y} ${v.w} ${v.h}`);
    const k = v.w / 360;
    for (const c of document.querySelectorAll("#map .point")) c.setAttribute("r", Number(c.dataset.r) * k);
    for (const t of document.querySelectorAll("#map .label")) t.setAttribute("font-size", 6.5 * k);
    declutter();
  }

  /** Hide map labels that would overlap a busier country's label at this zoom. */
  function declutter() {
    const labels = [...document.querySelectorAll("#map .label")]
      .sort((a, b) => Number(b.dataset.n) - Number(a.dataset.n));
    const kept = [];
    for (const t of labels) {
      t.removeAttribute("visibility");
      const b = t.getBoundingClientRect(); // on screen, halo included
      if (!b.width) continue;
      const m = 6; // the halo and a little air
      const box = { x0: b.left - m, x1: b.right + m, y0: b.top - m, y1: b.bottom + m };
      if (kept.some((p) => box.x0 < p.x1 && box.x1 > p.x0 && box.y0 < p.y1 && box.y1 > p.y0)) {
        t.setAttribute("visibility", "hidden");
      } else kept.push(box);
    }
  }

  /** Zoom to the located events (at least 60 degrees wide), or show the world. */
  function fitView(points) {
    if (!points.length) { state.view = { x: -180, y: -90, w: 360, h: 180 }; setView(); return; }
    const xs = points.map((p) => p.lon), ys = points.map((p) => -p.lat);
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    const w = Math.min(360, Math.max(60, (x1 - x0) * 1.4, (y1 - y0) * 2.8));
    const v = { w, h: w / 2, x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - w / 4 };
    v.x = Math.max(-180, Math.min(180 - v.w, v.x));
    v.y = Math.max(-90, Math.min(90 - v.h, v.y));
    state.view = v;
    setView();
  }

  /** Background, graticule and the empty layers, drawn once; the outline comes later. */
  function drawFrame() {
    const map = clear($("#map"));
    const base = svg("g", { class: "base" },
      svg("rect", { x: -180, y: -90, width: 360, height: 180, fill: "#eaf2fb" }),
      svg("g", { id: "map-land", class: "countries" }));
    const grat = svg("g", { class: "graticules" });
    for (let lon = -180; lon <= 180; lon += 30) grat.append(svg("line", { class: "graticule", x1: lon, x2: lon, y1: -90, y2: 90 }));
    for (let lat = -60; lat <= 60; lat += 30) {
      grat.append(svg("line", { class: `graticule${lat === 0 ? " equator" : ""}`, x1: -180, x2: 180, y1: -lat, y2: -lat }));
    }
    base.append(grat);
    map.append(base, svg("g", { id: "map-labels" }), svg("g", { id: "map-points" }));
    $("#map-attribution").textContent = "Equirectangular projection; graticule every 30°.";
  }

  function drawLand(world) {
    state.world = world;
    const land = clear($("#map-land"));
    for (const c of world.countries) {
      land.append(svg("path", { class: "land", d: c.d, "data-iso": c.iso }, svg("title", {}, c.name)));
    }
    $("#map-attribution").textContent =
      "Equirectangular projection, graticule every 30°; coastlines: Natural Earth 1:110m (public domain).";
    drawLabels();
  }

  /** Names of the countries that have event points. */
  function drawLabels() {
    const labels = clear($("#map-labels"));
    if (!state.world) return;
    const active = new Map();
    for (const p of state.points) active.set(p.country, (active.get(p.country) || 0) + p.n);
    for (const c of state.world.countries) {
      if (active.has(c.iso)) {
        labels.append(svg("text", { class: "label", x: c.label[0], y: -c.label[1] - 2, "data-n": active.get(c.iso) }, c.name));
      }
    }
    setView();
  }

  async function loadMap(gen) {
    const data = await api("/api/locations", params({ n: 1500 }));
    if (gen !== state.generation) return;
    state.points = data.locations;
    drawPoints(data.locations, data.located);
  }

  function drawPoints(points, located) {
    const layer = clear($("#map-points"));
    const max = Math.max(1, ...points.map((p) => p.n));
    for (const p of points) {
      const r = 0.9 + 5.5 * Math.sqrt(p.n / max);
      const c = svg("circle", {
        class: "point", cx: p.lon, cy: -p.lat, r, "data-r": r, fill: goldColor(p.goldstein_mean),
        onclick: (e) => { e.stopPropagation(); showPlace(p, c); },
      }, svg("title", {}, `${p.name || "?"} (${p.country || "?"}): ${fmt(p.n)} events, Goldstein mean ${signed(p.goldstein_mean)}`));
      layer.append(c);
    }
    drawLabels();
    fitView(points);
    const list = clear($("#map-list"));
    list.append(el("p", { class: "hint" }, points.length
      ? `${fmt(located)} located events at ${fmt(points.length)} places${points.length >= 1500 ? " (busiest shown)" : ""}; click a point to list its events.`
      : "no located events match the filters"));
  }

  async function showPlace(p, circle) {
    for (const c of document.querySelectorAll("#map .point.selected")) c.classList.remove("selected");
    circle.classList.add("selected");
    const list = clear($("#map-list"));
    list.append(el("h3", {}, `${p.name || "?"} (${p.country || "?"}) — ${fmt(p.n)} events`));
    try {
      const data = await api("/api/events", params({ near: `${p.lat},${p.lon},30`, limit: 25 }));
      const ul = el("ul", {});
      for (const ev of data.events) {
        ul.append(el("li", { class: "place-event" },
          el("a", { href: "#", onclick: (e) => { e.preventDefault(); openDetail(ev.event_id); } },
            `${ev.event_date || "?"} ${ev.source_code || "–"} ${ev.cameo_code} ${ev.target_code || "–"}`),
          " ", ev.sentence.length > 110 ? `${ev.sentence.slice(0, 109)}…` : ev.sentence));
      }
      list.append(ul);
      if (data.total > data.events.length) list.append(el("p", { class: "hint" }, `${fmt(data.total - data.events.length)} more within 30 km`));
    } catch (e) {
      list.append(el("p", { class: "status error" }, e.message));
    }
  }

  function enableMapZoom() {
    const map = $("#map");
    const toMap = (evt) => {
      const r = map.getBoundingClientRect(), v = state.view;
      return [v.x + ((evt.clientX - r.left) / r.width) * v.w, v.y + ((evt.clientY - r.top) / r.height) * v.h];
    };
    const clamp = () => {
      const v = state.view;
      v.w = Math.max(12, Math.min(360, v.w));
      v.h = v.w / 2;
      v.x = Math.max(-180, Math.min(180 - v.w, v.x));
      v.y = Math.max(-90, Math.min(90 - v.h, v.y));
    };
    map.addEventListener("wheel", (evt) => {
      evt.preventDefault();
      const [mx, my] = toMap(evt), v = state.view;
      const f = evt.deltaY > 0 ? 1.25 : 0.8;
      const w = Math.max(12, Math.min(360, v.w * f));
      v.x = mx - ((mx - v.x) * w) / v.w;
      v.y = my - ((my - v.y) * w) / v.w;
      v.w = w;
      clamp();
      setView();
    }, { passive: false });
    let drag = null;
    map.addEventListener("pointerdown", (evt) => {
      if (evt.target.classList.contains("point")) return;
      drag = { x: evt.clientX, y: evt.clientY, vx: state.view.x, vy: state.view.y };
      map.classList.add("dragging");
    });
    window.addEventListener("pointermove", (evt) => {
      if (!drag) return;
      const r = map.getBoundingClientRect();
      state.view.x = drag.vx - ((evt.clientX - drag.x) / r.width) * state.view.w;
      state.view.y = drag.vy - ((evt.clientY - drag.y) / r.height) * state.view.h;
      clamp();
      setView();
    });
    window.addEventListener("pointerup", () => { drag = null; map.classList.remove("dragging"); });
    map.addEventListener("dblclick", () => { state.view = { x: -180, y: -90, w: 360, h: 180 }; setView(); });
  }

  // ------------------------------------------------------------------ network

  async function loadNetwork(gen) {
    const data = await api("/api/dyads", params({ n: 40 }));
    if (gen === state.generation) drawNetwork(data.dyads);
  }

  /** Fruchterman-Reingold from a deterministic circle, run to rest before drawing. */
  function layout(nodes, edges, W, H) {
    const n = nodes.length, k = Math.sqrt((W * H) / Math.max(1, n)) * 0.6;
    nodes.forEach((nd, i) => {
      const a = (2 * Math.PI * i) / n;
      nd.x = W / 2 + (W / 3) * Math.cos(a);
      nd.y = H / 2 + (H / 3) * Math.sin(a);
    });
    let temp = W / 8;
    for (let it = 0; it < 300; it++) {
      for (const a of nodes) { a.dx = 0; a.dy = 0; }
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const a = nodes[i], b = nodes[j];
          let dx = a.x - b.x, dy = a.y - b.y;
          const d = Math.max(0.01, Math.hypot(dx, dy));
          const f = (k * k) / d;
          dx /= d; dy /= d;
          a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
        }
      }
      for (const e of edges) {
        const a = e.a, b = e.b;
        let dx = a.x - b.x, dy = a.y - b.y;
        const d = Math.max(0.01, Math.hypot(dx, dy));
        const f = (d * d) / k;
        dx /= d; dy /= d;
        a.dx -= dx * f; a.dy -= dy * f; b.dx += dx * f; b.dy += dy * f;
      }
      for (const a of nodes) { // gravity keeps separate components together
        a.dx += (W / 2 - a.x) * 0.6; a.dy += (H / 2 - a.y) * 0.6;
        const d = Math.max(0.01, Math.hypot(a.dx, a.dy));
        a.x += (a.dx / d) * Math.min(d, temp);
        a.y += (a.dy / d) * Math.min(d, temp);
      }
      temp = Math.max(0.5, temp * 0.985);
    }
    const pad = 50;
    const xs = nodes.map((a) => a.x), ys = nodes.map((a) => a.y);
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    const s = Math.min((W - 2 * pad) / Math.max(1, x1 - x0), (H - 2 * pad) / Math.max(1, y1 - y0));
    for (const a of nodes) {
      a.x = n === 1 ? W / 2 : pad + (a.x - x0) * s + ((W - 2 * pad) - (x1 - x0) * s) / 2;
      a.y = n === 1 ? H / 2 : pad + (a.y - y0) * s + ((H - 2 * pad) - (y1 - y0) * s) / 2;
    }
  }

  function drawNetwork(dyads) {
    const root = clear($("#network"));
    const W = 600, H = 460;
    if (!dyads.length) {
      root.append(svg("text", { x: W / 2, y: H / 2, class: "empty", "text-anchor": "middle" }, "no dyads match the filters"));
      return;
    }
    const byCode = new Map();
    const node = (code) => {
      if (!byCode.has(code)) byCode.set(code, { code, n: 0 });
      return byCode.get(code);
    };
    const edges = dyads.map((d) => {
      const a = node(d.source_code), b = node(d.target_code);
      a.label = d.source_label; b.label = d.target_label;
      a.n += d.n; b.n += d.n;
      return { a, b, n: d.n, g: d.goldstein_mean, dyad: d.dyad };
    });
    const nodes = [...byCode.values()].sort((p, q) => q.n - p.n || (p.code < q.code ? -1 : 1));
    layout(nodes, edges, W, H);
    const maxE = Math.max(...edges.map((e) => e.n)), maxN = Math.max(...nodes.map((a) => a.n));
    for (const a of nodes) a.r = 4 + 12 * Math.sqrt(a.n / maxN);
    const defs = svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5,
      markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" },
      svg("path", { d: "M0 0L10 5L0 10z", class: "arrow-head" })));
    const eg = svg("g", { class: "edges" }), cg = svg("g", { class: "edge-counts" });
    for (const e of edges) {
      const mx = (e.a.x + e.b.x) / 2, my = (e.a.y + e.b.y) / 2;
      const dx = e.b.x - e.a.x, dy = e.b.y - e.a.y;
      const cx = mx - dy * 0.15, cy = my + dx * 0.15; // bend right: A->B and B->A stay apart
      // stop at the target's rim so the arrow head shows
      const tx = e.b.x - cx, ty = e.b.y - cy, tl = Math.max(0.01, Math.hypot(tx, ty));
      const ex = e.b.x - (tx / tl) * (e.b.r + 2), ey = e.b.y - (ty / tl) * (e.b.r + 2);
      const label = `${e.a.code} → ${e.b.code}: ${fmt(e.n)} events, mean Goldstein ${signed(e.g)}`;
      eg.append(svg("path", {
        class: "edge", d: `M${e.a.x.toFixed(1)} ${e.a.y.toFixed(1)}Q${cx.toFixed(1)} ${cy.toFixed(1)} ${ex.toFixed(1)} ${ey.toFixed(1)}`,
        stroke: goldColor(e.g), "stroke-width": (1 + 5 * Math.sqrt(e.n / maxE)).toFixed(2), "marker-end": "url(#arrow)",
        "data-dyad": e.dyad, "data-n": e.n,
      }, svg("title", {}, label)));
      // the count at the curve's middle (a quadratic's t = 0.5 point)
      const qx = 0.25 * e.a.x + 0.5 * cx + 0.25 * e.b.x, qy = 0.25 * e.a.y + 0.5 * cy + 0.25 * e.b.y;
      cg.append(svg("text", { class: "edge-count", x: qx.toFixed(1), y: (qy + 3.5).toFixed(1), "text-anchor": "middle",
                              "data-dyad": e.dyad }, fmt(e.n)));
    }
    const ng = svg("g", { class: "nodes" }), lg = svg("g", { class: "node-labels" });
    const placed = nodes.map((a) => ({ x0: a.x - a.r, x1: a.x + a.r, y0: a.y - a.r, y1: a.y + a.r }));
    const hits = (b) => placed.some((p) => b.x0 < p.x1 && b.x1 > p.x0 && b.y0 < p.y1 && b.y1 > p.y0);
    for (const a of nodes) {
      ng.append(svg("g", { class: "node", transform: `translate(${a.x.toFixed(1)} ${a.y.toFixed(1)})`, "data-code": a.code,
                           onclick: () => setFilter("actor", a.code) },
        svg("circle", { r: a.r.toFixed(1) }),
        svg("title", {}, `${a.code} ${a.label || ""}: ${fmt(a.n)} events in the top dyads (click to filter)`)));
    }
    // labels biggest first; each takes the first free spot (right, left, below, above) or none
    for (const a of nodes) {
      const text = a.label && a.label !== a.code ? `${a.code} · ${a.label}` : a.code;
      const full = text.length > 26 ? `${text.slice(0, 25)}…` : text;
      let done = false;
      for (const t of [full, a.code]) {
        const w = t.length * 6.1 + 2, h = 12;
        const spots = [[a.x + a.r + 3, a.y - h / 2, "start"], [a.x - a.r - 3 - w, a.y - h / 2, "start"],
                       [a.x - w / 2, a.y + a.r + 2, "start"], [a.x - w / 2, a.y - a.r - 2 - h, "start"]];
        for (const [x, y] of spots) {
          const box = { x0: x, x1: x + w, y0: y, y1: y + h };
          if (x < 0 || x + w > W || y < 0 || y + h > H || hits(box)) continue;
          placed.push(box);
          lg.append(svg("text", { class: "node-label", x: x.toFixed(1), y: (y + h - 2.5).toFixed(1), "data-code": a.code }, t));
          done = true;
          break;
        }
        if (done) break;
      }
    }
    root.append(defs, eg, cg, ng, lg);
  }

  // ------------------------------------------------------------------ facets

  const FACET_NAMES = [["root", "CAMEO root"], ["quad", "quad class"], ["source_country", "source country"],
    ["target_country", "target country"], ["country", "place country"], ["year", "year"]];

  /** The filters a facet value stands for. */
  function facetFilter(facet, value) {
    const f = { ...readForm() };
    if (facet === "root") f.root = value;
    else if (facet === "quad") f.quad = value;
    else if (facet === "country") f.country = value;
    else if (facet === "source_country" || facet === "target_country") {
      delete f.between;
      const [a, b] = (f.dyad || ":").split(":");
      f.dyad = facet === "source_country" ? `${value}:${b || ""}` : `${a || ""}:${value}`;
    } else if (facet === "year") { f.since = `${value}-01-01`; f.until = `${value}-12-31`; }
    return f;
  }

  async function loadFacets(gen) {
    const data = await api("/api/facets", params({ top: 8 }));
    if (gen === state.generation) drawFacets(data.facets);
  }

  function drawFacets(facets) {
    const box = clear($("#facets"));
    for (const [name, title] of FACET_NAMES) {
      const items = facets[name] || [];
      const max = Math.max(1, ...items.map((x) => x.n));
      const ul = el("ul", {});
      for (const it of items) {
        const text = it.label && it.label !== it.value ? `${it.value} ${it.label}` : it.value;
        ul.append(el("li", {},
          el("button", { type: "button", class: "facet", "data-facet": name, "data-value": it.value,
                         title: `filter: ${title} ${text}`, onclick: () => apply(facetFilter(name, it.value)) },
            el("span", { class: "facet-bar", style: null, "data-w": Math.round((100 * it.n) / max) }),
            el("span", { class: "facet-text" }, text), el("span", { class: "facet-n" }, fmt(it.n)))));
      }
      if (!items.length) ul.append(el("li", { class: "hint" }, "none"));
      box.append(el("div", { class: "facet-group", "data-facet": name }, el("h3", {}, title), ul));
    }
    // widths through the CSSOM (the page's CSP forbids inline style attributes)
    for (const b of box.querySelectorAll(".facet-bar")) b.style.width = `${b.dataset.w}%`;
  }

  // ------------------------------------------------------------------ event table

  async function loadTable(gen) {
    const data = await api("/api/events", params({ limit: PAGE, offset: state.offset, sort: state.sort }));
    if (gen === state.generation) drawTable(data);
  }

  function actorCell(code, text, label, role) {
    return el("td", { title: text || "", class: "actor", "data-label": role },
      code || (text ? el("i", {}, text) : "unknown"),
      code && label ? el("span", { class: "label" }, label) : null);
  }

  function drawTable(data) {
    const body = clear($("#events tbody"));
    $("#total").textContent = `(${fmt(data.total)})`;
    const first = data.total ? data.offset + 1 : 0, last = data.offset + data.events.length;
    $("#range").textContent = `${fmt(first)}–${fmt(last)} of ${fmt(data.total)}`;
    $("#prev").disabled = data.offset <= 0;
    $("#next").disabled = last >= data.total;
    if (!data.events.length) {
      body.append(el("tr", {}, el("td", { colspan: 7, class: "code-none" }, "no events match the filters")));
      return;
    }
    for (const ev of data.events) {
      body.append(el("tr", { "data-id": ev.event_id, onclick: () => openDetail(ev.event_id) },
        el("td", { class: "code", "data-label": "date" }, ev.event_date || "?",
          ev.mentions > 1 ? el("span", { class: "label" }, `${ev.mentions} mentions`) : null),
        actorCell(ev.source_code, ev.source_text, ev.source_label, "source"),
        el("td", { class: "code", "data-label": "event" }, ev.cameo_code, el("span", { class: "label" }, ev.cameo_label || "")),
        actorCell(ev.target_code, ev.target_text, ev.target_label, "target"),
        el("td", { class: "num", "data-label": "Goldstein" }, signed(ev.goldstein)),
        el("td", { "data-label": "place" }, ev.location_name ? `${ev.location_name}${ev.location_country ? ` (${ev.location_country})` : ""}` : "–"),
        el("td", { class: "sentence", "data-label": "evidence" }, highlight(ev.sentence, ev))));
    }
  }

  async function openDetail(id) {
    const dlg = $("#detail"), box = clear($("#detail-body"));
    box.append(el("p", {}, "loading…"));
    if (!dlg.open) dlg.showModal();
    try {
      const ev = await api(`/api/events/${encodeURIComponent(id)}`);
      clear(box);
      const art = ev.article || {};
      const row = (k, v) => [el("dt", {}, k), el("dd", { "data-field": k }, v === null || v === undefined || v === "" ? "unknown" : v)];
      const actor = (role) => {
        const code = ev[`${role}_code`], text = ev[`${role}_text`], label = ev[`${role}_label`];
        if (!code && !text) return "unknown";
        return `${code || "unknown code"}${label ? ` ${label}` : ""}${text ? ` ← “${text}”` : ""}`;
      };
      box.append(
        el("h2", {}, `${ev.cameo_code} ${ev.cameo_label || ""}`),
        el("p", { class: "sentence" }, highlight(ev.sentence, ev)),
        el("p", {}, el("a", { href: `/event/${encodeURIComponent(ev.event_id)}`, id: "detail-page" }, "event page"),
          " — every field's evidence and reason, and the article's coded sentences nearby"),
        reviewBox(ev),
        el("dl", {},
          row("source", actor("source")),
          row("target", actor("target")),
          row("CAMEO", `${ev.cameo_code} (root ${ev.cameo_root}, quad ${ev.quad_class}, Goldstein ${signed(ev.goldstein)})`),
          row("PLOVER", [ev.plover_type, ev.plover_mode].filter(Boolean).join(" / ")),
          row("trigger", `“${ev.trigger_text}” at ${ev.trigger_start}–${ev.trigger_end}, rule ${ev.rule_id}`),
          row("confidence", `${ev.confidence}${ev.negated ? ", negated" : ""}, ${ev.modality}`),
          row("event date", `${ev.event_date || "?"} (${ev.date_precision}${ev.date_text ? `, from “${ev.date_text}”` : ""})`),
          row("place", ev.location_name ? `${ev.location_name} (${ev.location_country || "?"}; ${ev.location_reason || ""}) ${ev.latitude ?? ""}, ${ev.longitude ?? ""}` : ""),
          row("article", art.title || art.input_id || ev.article_id),
          row("outlet", art.source),
          row("published", ev.pub_date),
          row("URL", art.url ? el("a", { href: art.url, target: "_blank", rel: "noopener noreferrer" }, art.url) : ""),
          row("event id", ev.event_id)));
    } catch (e) {
      clear(box).append(el("p", { class: "status error" }, e.message));
    }
  }

  // ------------------------------------------------------------------ review (write mode)

  const VERDICTS = [["right", ""], ["wrong", "root"], ["wrong", "source"], ["wrong", "target"], ["wrong", "date"], ["wrong", "place"]];

  function reviewBox(ev) {
    if (!state.meta || !state.meta.writable) return null;
    const note = el("span", { class: "hint review-note", role: "status" });
    const box = el("div", { class: "review", "data-event-id": ev.event_id }, el("span", { class: "hint" }, "review:"),
      el("input", { type: "password", class: "review-token", placeholder: "token", size: 8,
                    value: sessionStorage.getItem("eventwire-token") || "", "aria-label": "write token" }),
      el("input", { class: "review-who", placeholder: "your name", size: 9, maxlength: 80,
                    value: localStorage.getItem("eventwire-who") || "", "aria-label": "who judges" }));
    for (const [verdict, fieldName] of VERDICTS) {
      box.append(el("button", { type: "button", class: verdict === "right" ? "review-btn right" : "review-btn wrong secondary",
        "data-verdict": verdict, "data-field": fieldName || null,
        onclick: () => judge(ev.event_id, verdict, fieldName, note, box) },
        verdict === "right" ? "✓ right" : `✗ ${fieldName}`));
    }
    box.append(note);
    return box;
  }

  async function judge(eventId, verdict, fieldName, note, box) {
    const token = box.querySelector(".review-token").value.trim();
    const who = box.querySelector(".review-who").value.trim();
    if (who) localStorage.setItem("eventwire-who", who);
    note.classList.remove("error");
    note.textContent = "saving…";
    try {
      const data = await api("/api/judgments", null, { method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ event_id: eventId, verdict, field: fieldName || null, who: who || null }) });
      if (token) sessionStorage.setItem("eventwire-token", token);
      note.textContent = `saved: ${verdict}${fieldName ? ` (${fieldName})` : ""}; ${data.judged} judgments so far`;
      note.dataset.saved = "1";
    } catch (e) {
      note.textContent = e.message;
      note.classList.add("error");
    }
  }

  // ------------------------------------------------------------------ code a text

  const EXAMPLE = "Iran and Iraq signed a memorandum of understanding in Tehran on Sunday.";

  async function codeText(evt) {
    evt.preventDefault();
    const out = clear($("#code-result"));
    const text = $("#code-text").value;
    if (!text.trim()) { out.append(el("p", { class: "status error" }, "type or paste a text first")); return; }
    const body = { text };
    if ($("#code-date").value) body.pub_date = $("#code-date").value;
    const headers = { "content-type": "application/json" };
    if ($("#code-store").checked) {
      body.store = true;
      headers.authorization = `Bearer ${$("#code-token").value}`;
    }
    $("#code-submit").disabled = true;
    out.append(el("p", { class: "hint" }, "coding… (the first call loads the language model)"));
    try {
      const data = await api("/api/code", null, { method: "POST", headers, body: JSON.stringify(body) });
      clear(out);
      out.dataset.count = String(data.count);
      out.append(el("p", { class: "hint" }, `${data.count} event${data.count === 1 ? "" : "s"}${data.stored ? " — stored" : ""}`));
      if (!data.events.length) out.append(el("p", { class: "code-none" }, "no events: no trigger with its actors was found"));
      for (const ev of data.events) {
        out.append(el("div", { class: "code-event", "data-code": ev.cameo_code },
          el("h3", {}, `${ev.cameo_code} ${ev.cameo_label || ""}: ${ev.source_code || "–"} → ${ev.target_code || "–"}`),
          el("p", { class: "sentence" }, highlight(ev.sentence, ev)),
          el("ul", {}, ev.explanation.map((line) => el("li", {}, line)))));
      }
      for (const w of data.warnings || []) out.append(el("p", { class: "hint" }, w));
      if (data.stored) { state.meta = await api("/api/meta"); showStats(state.meta); refresh(); }
    } catch (e) {
      clear(out).append(el("p", { class: "status error" }, e.message));
    } finally {
      $("#code-submit").disabled = false;
    }
  }

  // ------------------------------------------------------------------ start

  function showStats(m) {
    $("#stats").textContent = `${fmt(m.events)} events from ${fmt(m.articles)} articles` +
      (m.first_date ? `, ${m.first_date} – ${m.last_date}` : "") +
      (m.background ? ` (and ${fmt(m.background)} background)` : "") + (m.writable ? " · writing enabled" : " · read-only");
  }

  function showMeta(m) {
    showStats(m);
    $("#dl-cap").textContent = m.limits && m.limits.download ? `(up to ${fmt(m.limits.download)} rows)` : "";
    const sel = $("#filters").elements.root;
    for (const r of m.roots) sel.append(el("option", { value: r.root }, `${r.root} ${r.label.toLowerCase()}`));
    $("#code-store-box").hidden = !m.writable;
  }

  async function start() {
    readHash();
    if (window.matchMedia("(max-width: 600px)").matches) $("#filters-box").open = false;
    for (const name of ["both", "dedup"]) $(`#${name}`).addEventListener("change", () => apply(readForm()));
    $("#filters").addEventListener("submit", (e) => { e.preventDefault(); apply(readForm()); });
    for (const name of ["root", "quad", "since", "until"]) {
      $("#filters").elements[name].addEventListener("change", () => apply(readForm()));
    }
    $("#reset").addEventListener("click", () => { state.sort = "-event_date"; state.period = "auto"; apply({}); });
    $("#sort").addEventListener("change", () => { state.sort = $("#sort").value; state.offset = 0; refresh(); });
    $("#period").addEventListener("change", () => { state.period = $("#period").value; refresh(); });
    $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); refresh(); });
    $("#next").addEventListener("click", () => { state.offset += PAGE; refresh(); });
    $("#code-form").addEventListener("submit", codeText);
    $("#code-example").addEventListener("click", () => { $("#code-text").value = EXAMPLE; $("#code-date").value = "2017-07-23"; });
    window.addEventListener("hashchange", () => { readHash(); writeForm(); refresh(); });
    enableMapZoom();
    drawFrame();
    // the outline loads alongside the data; the first refresh waits for it to be drawn
    state.worldReady = api("/static/world-110m.json").then(drawLand).catch(() => null);
    try {
      state.storeVersion = (await api("/api/changes")).version;
      state.meta = await api("/api/meta");
      showMeta(state.meta);
    } catch (e) {
      status(e.message, true);
    }
    writeForm();
    await refresh();
    setInterval(poll, POLL_MS);
  }

  /** Refresh the counts when the store changes (an ingest batch landed): a cheap stat call. */
  async function poll() {
    if (document.hidden || document.body.dataset.busy === "1") return;
    try {
      const v = await api("/api/changes");
      if (state.storeVersion && v.version !== state.storeVersion) {
        state.meta = await api("/api/meta");
        showStats(state.meta);
        document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
        await refresh();
      }
      state.storeVersion = v.version;
    } catch (_e) { /* the next poll tries again */ }
  }

  document.addEventListener("DOMContentLoaded", start);
})();
