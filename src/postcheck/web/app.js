// postcheck web page: checks the draft as the doctor types (debounced), highlights
// the findings in place, lists them with their explanation and source, shows the
// verdict and the rewrite. Talks only to the server that served it; logs nothing.
"use strict";

const TEXTS = {
  fr: {
    tagline: "Relisez votre post avant de le publier",
    draft: "Votre brouillon", postLanguage: "Langue du post", auto: "Détection auto", platform: "Réseau",
    placeholder: "Collez ou tapez le post ici…",
    findings: "Points à corriger", noFindings: "Rien à signaler.",
    rewrite: "Proposition de réécriture", copy: "Copier", copied: "Copié", use: "Remplacer le brouillon",
    footer: "Tout est analysé sur cette machine : rien n'est envoyé ailleurs ni enregistré.",
    verdictNone: "Tapez un post pour le vérifier", ok: "Publiable", review: "À revoir", block: "À ne pas publier",
    score: "risque {n}/100", checking: "Analyse…", failed: "Analyse impossible : {e}",
    chars: "{n} / {max} caractères", over: "{n} / {max} caractères : trop long de {d}",
    error: "erreur", warning: "attention", info: "info",
    suggestion: "Suggestion :", removeIt: "à retirer", noRewrite: "Pas de réécriture nécessaire.",
    categories: { "patient-privacy": "Secret médical", "advertising": "Publicité",
      "colleague-denigration": "Dénigrement de confrères", "patient-dignity": "Dignité des patients",
      "unproven-claims": "Allégations non prouvées", "conflict-of-interest": "Conflit d'intérêts" },
  },
  en: {
    tagline: "Check your post before you publish it",
    draft: "Your draft", postLanguage: "Post language", auto: "Auto-detect", platform: "Network",
    placeholder: "Paste or type the post here…",
    findings: "What to fix", noFindings: "Nothing to report.",
    rewrite: "Suggested rewrite", copy: "Copy", copied: "Copied", use: "Replace the draft",
    footer: "Everything is checked on this machine: nothing is sent elsewhere or stored.",
    verdictNone: "Type a post to check it", ok: "Fine to publish", review: "Needs review", block: "Do not publish",
    score: "risk {n}/100", checking: "Checking…", failed: "Could not check: {e}",
    chars: "{n} / {max} characters", over: "{n} / {max} characters: {d} too many",
    error: "error", warning: "warning", info: "info",
    suggestion: "Suggestion:", removeIt: "remove it", noRewrite: "No rewrite needed.",
    categories: { "patient-privacy": "Patient privacy", "advertising": "Advertising",
      "colleague-denigration": "Colleague denigration", "patient-dignity": "Patient dignity",
      "unproven-claims": "Unproven claims", "conflict-of-interest": "Conflict of interest" },
  },
};
const DEBOUNCE_MS = 350;

const $ = (id) => document.getElementById(id);
const state = { ui: "fr", report: null, text: "", seq: 0, timer: null, controller: null, rules: {} };

function t(key, values) {
  let s = TEXTS[state.ui][key] ?? TEXTS.en[key] ?? key;
  for (const [k, v] of Object.entries(values || {})) s = s.replace(`{${k}}`, v);
  return s;
}

function storage(key, value) {
  try {
    if (value === undefined) return localStorage.getItem(key);
    localStorage.setItem(key, value);
  } catch (e) { /* private mode: no memory */ }
  return null;
}

// Offsets from the server count code points; JavaScript strings count UTF-16 units.
function utf16Offsets(text) {
  const map = [0];
  let i = 0;
  for (const ch of text) { i += ch.length; map.push(i); }
  return map;
}
const length = (text) => Array.from(text).length;

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

const RANK = { info: 0, warning: 1, error: 2 };

function renderHighlights() {
  const text = $("draft").value;
  const report = state.report && state.text === text ? state.report : null;
  if (!report || !report.findings.length) {
    $("backdrop").innerHTML = escapeHtml(text) + "\n";
    return;
  }
  const map = utf16Offsets(text);
  const at = (cp) => map[Math.min(cp, map.length - 1)];
  // Cut the text at every boundary; each piece takes the worst severity covering it.
  const cuts = new Set([0, text.length]);
  report.findings.forEach((f) => { cuts.add(at(f.start)); cuts.add(at(f.end)); });
  const points = [...cuts].sort((a, b) => a - b);
  let html = "";
  for (let k = 0; k + 1 < points.length; k++) {
    const [a, b] = [points[k], points[k + 1]];
    const piece = escapeHtml(text.slice(a, b));
    let worst = null, index = -1;
    report.findings.forEach((f, i) => {
      if (at(f.start) <= a && at(f.end) >= b && (worst === null || RANK[f.severity] > RANK[worst])) {
        worst = f.severity; index = i;
      }
    });
    html += worst ? `<mark class="sev-${worst}" data-finding="${index}">${piece}</mark>` : piece;
  }
  $("backdrop").innerHTML = html + "\n";
  syncScroll();
}

function syncScroll() {
  $("backdrop").scrollTop = $("draft").scrollTop;
  $("backdrop").scrollLeft = $("draft").scrollLeft;
}

function renderCounter(el, text) {
  const max = Number($("platform").value);
  const n = length(text);
  el.textContent = n > max ? t("over", { n, max, d: n - max }) : t("chars", { n, max });
  el.classList.toggle("over", n > max);
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderReport() {
  const report = state.report && state.text === $("draft").value ? state.report : null;
  const verdict = $("verdict");
  const list = $("findings");
  list.replaceChildren();
  $("no-findings").hidden = !(report && report.findings.length === 0);
  if (!report) {
    verdict.dataset.verdict = "none";
    $("verdict-label").textContent = t("verdictNone");
    $("score").textContent = "";
    $("rewrite").textContent = "";
    $("rewrite-counter").textContent = "";
    $("copy").disabled = $("use").disabled = true;
    return;
  }
  verdict.dataset.verdict = report.verdict;
  $("verdict-label").textContent = t(report.verdict);
  $("score").textContent = t("score", { n: report.score });
  report.findings.forEach((f, i) => {
    const item = el("li", `finding sev-${f.severity}`);
    item.tabIndex = 0;
    item.dataset.finding = String(i);
    item.dataset.rule = f.rule;
    const head = el("div", "head");
    head.append(el("span", "badge", t(f.severity)), el("span", "category", TEXTS[state.ui].categories[f.category] || f.category),
                el("span", "rule", f.rule));
    const passage = el("p", "passage");
    passage.append(el("q", "", f.text));
    if (f.suggestion !== null && f.suggestion !== undefined) {
      passage.append(" → ", f.suggestion === "" ? el("em", "", t("removeIt")) : el("strong", "", f.suggestion));
    }
    item.append(head, passage, el("p", "message", f.message));
    const info = state.rules[f.rule] || {};
    if (info.why) item.append(el("p", "why", info.why));
    if (info.advice) item.append(el("p", "advice", info.advice));
    item.append(el("p", "source", f.source));
    item.addEventListener("click", () => selectFinding(i));
    item.addEventListener("keydown", (e) => { if (e.key === "Enter") selectFinding(i); });
    list.append(item);
  });
  const changed = report.rewrite !== state.text;
  $("rewrite").textContent = changed ? report.rewrite : t("noRewrite");
  $("copy").disabled = $("use").disabled = !changed;
  if (changed) renderCounter($("rewrite-counter"), report.rewrite); else $("rewrite-counter").textContent = "";
}

function selectFinding(i) {
  const f = state.report && state.report.findings[i];
  if (!f) return;
  const map = utf16Offsets($("draft").value);
  $("draft").focus();
  $("draft").setSelectionRange(map[f.start], map[f.end]);
  document.querySelectorAll(".active").forEach((n) => n.classList.remove("active"));
  document.querySelectorAll(`[data-finding="${i}"]`).forEach((n) => n.classList.add("active"));
}

function setStatus(message, isError) {
  $("status").textContent = message || "";
  $("status").classList.toggle("error", !!isError);
}

async function check() {
  const text = $("draft").value;
  if (state.controller) state.controller.abort();
  if (!text.trim()) {
    state.report = null; state.text = text;
    setStatus("");
    renderHighlights(); renderReport();
    return;
  }
  const seq = ++state.seq;
  const controller = new AbortController();
  state.controller = controller;
  setStatus(t("checking"));
  document.body.dataset.checking = "true";
  try {
    const response = await fetch("/v1/check", {
      method: "POST", headers: { "Content-Type": "application/json" }, signal: controller.signal,
      body: JSON.stringify({ text, lang: $("post-lang").value }),
    });
    const body = await response.json();
    if (seq !== state.seq) return; // a newer draft is on its way
    if (!response.ok) throw new Error(body.error || response.statusText);
    state.report = body; state.text = text;
    setStatus("");
    renderHighlights(); renderReport();
    document.body.dataset.checked = String(seq);
  } catch (e) {
    if (e.name === "AbortError" || seq !== state.seq) return;
    setStatus(t("failed", { e: e.message }), true);
  } finally {
    if (seq === state.seq) delete document.body.dataset.checking;
  }
}

function scheduleCheck() {
  clearTimeout(state.timer);
  state.timer = setTimeout(check, DEBOUNCE_MS);
}

async function loadRules() {
  try {
    const response = await fetch(`/v1/rules?lang=${state.ui}`);
    if (response.ok) state.rules = (await response.json()).rules;
  } catch (e) { state.rules = {}; }
}

async function setUiLanguage(lang) {
  state.ui = TEXTS[lang] ? lang : "en";
  storage("postcheck.ui", state.ui);
  document.documentElement.lang = state.ui;
  document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
  document.querySelectorAll("[data-i18n-placeholder]").forEach((n) => { n.placeholder = t(n.dataset.i18nPlaceholder); });
  document.querySelectorAll("[data-ui-lang]").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.uiLang === state.ui)));
  // Render at once, so the static texts just set never stand in for the verdict
  // while the rules' texts in the new language load; render again once they have.
  renderCounter($("counter"), $("draft").value);
  renderReport();
  await loadRules();
  renderReport();
}

async function copyRewrite() {
  const text = state.report ? state.report.rewrite : "";
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) { // older browsers, or no clipboard permission
    const area = document.createElement("textarea");
    area.value = text; document.body.append(area); area.select();
    document.execCommand("copy"); area.remove();
  }
  $("copy").textContent = t("copied");
  setTimeout(() => { $("copy").textContent = t("copy"); }, 1500);
}

function useRewrite() {
  if (!state.report) return;
  const draft = $("draft");
  draft.value = state.report.rewrite;
  draft.dispatchEvent(new Event("input"));
  draft.focus();
}

function init() {
  const draft = $("draft");
  draft.addEventListener("input", () => {
    renderCounter($("counter"), draft.value);
    renderHighlights(); // drop stale highlights at once; new ones follow the check
    renderReport();
    scheduleCheck();
  });
  draft.addEventListener("scroll", syncScroll);
  new ResizeObserver(() => { $("backdrop").style.height = draft.offsetHeight + "px"; syncScroll(); }).observe(draft);
  $("post-lang").addEventListener("change", () => { storage("postcheck.lang", $("post-lang").value); check(); });
  $("platform").addEventListener("change", () => {
    storage("postcheck.platform", $("platform").value);
    renderCounter($("counter"), draft.value); renderReport();
  });
  document.querySelectorAll("[data-ui-lang]").forEach((b) => b.addEventListener("click", () => setUiLanguage(b.dataset.uiLang)));
  $("copy").addEventListener("click", copyRewrite);
  $("use").addEventListener("click", useRewrite);
  const platform = storage("postcheck.platform");
  if (platform && [...$("platform").options].some((o) => o.value === platform)) $("platform").value = platform;
  const lang = storage("postcheck.lang");
  if (lang) $("post-lang").value = lang;
  const ui = storage("postcheck.ui") || ((navigator.language || "fr").toLowerCase().startsWith("fr") ? "fr" : "en");
  setUiLanguage(ui);
  renderHighlights();
  if (draft.value.trim()) scheduleCheck();
}

document.addEventListener("DOMContentLoaded", init);
