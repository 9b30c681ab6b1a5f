// Real-browser checks of the site `patuh build` writes: Debian's Chromium driven by
// playwright-core, pages opened through file:// (no server), axe-core injected into each
// page. See README.md. Usage:
//
//   node check.mjs SITE_DIR
//
// Environment:
//   PATUH_SHOTS_DIR  where screenshots and the PDF go (default: SITE_DIR/../shots)
//   CHROMIUM         the browser (default: /usr/bin/chromium; never downloaded)
//   SUMMARY_FILE     if set, the one-line summary is written there, and on a second line
//                    "PASSED FAILED": page loads (page × width, and the PDF) without and
//                    with a failure
//
// Exit status: 0 when every check passed, 1 when any failed (each failure is printed),
// 2 on wrong usage or when the browser cannot be started.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { pathToFileURL, fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const siteArg = process.argv[2];
if (!siteArg) {
  console.error("usage: node check.mjs SITE_DIR");
  process.exit(2);
}
const site = path.resolve(siteArg);
if (!fs.existsSync(path.join(site, "index.html"))) {
  console.error(`browser: no index.html in ${site}: build the site first (patuh build --out ${siteArg})`);
  process.exit(2);
}
const shots = path.resolve(process.env.PATUH_SHOTS_DIR || path.join(site, "..", "shots"));
fs.mkdirSync(shots, { recursive: true });
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

const WIDTHS = [
  { name: "phone", viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true },
  { name: "desktop", viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false },
];
// axe impacts that fail the check; the others are printed as notes.
const FAILING_IMPACTS = new Set(["serious", "critical"]);

const failures = []; // strings, printed at the end
const notes = [];
let axeFailing = 0; // serious/critical violations (one per rule, page and width)
let axeFailingNodes = 0; // the elements they name
let axeOther = 0;

function rel(url) {
  try {
    return path.relative(site, fileURLToPath(url)) || url;
  } catch {
    return url;
  }
}

// A page with listeners that record console errors, page errors, failed requests and any
// request that does not stay on file:// (data: and blob: URLs never touch the network and
// are allowed). Requests that would leave the machine are aborted, not sent.
async function openPage(context, label) {
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") {
      const loc = msg.location();
      const where = loc && loc.url ? ` (${rel(loc.url)}:${loc.lineNumber + 1})` : "";
      problems.push(`console error: ${msg.text()}${where}`);
    }
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("request", (req) => {
    const url = req.url();
    requests.push(url);
    if (!/^(file|data|blob):/.test(url)) problems.push(`request leaves file:// (network/CDN): ${url}`);
  });
  page.on("requestfailed", (req) => {
    const url = req.url();
    problems.push(`failed request: ${/^file:/.test(url) ? rel(url) : url} (${req.failure()?.errorText ?? "unknown"})`);
  });
  return { page, problems, requests, label };
}

function flush(p, stage) {
  for (const problem of p.problems.splice(0)) failures.push(`${p.label}${stage ? ` [${stage}]` : ""}: ${problem}`);
}

async function load(p, url) {
  const response = await p.page.goto(url, { waitUntil: "load" });
  if (!response && !url.startsWith("file:")) p.problems.push("no response");
  // Let late scripts and images settle.
  await p.page.waitForLoadState("networkidle").catch(() => {});
}

async function runAxe(p) {
  await p.page.addScriptTag({ content: axeSource });
  const result = await p.page.evaluate(async () => {
    // preload: false — axe would otherwise re-fetch the stylesheets with XMLHttpRequest,
    // which Chromium blocks on file:// (a CORS console error caused by the checker, not
    // by the site). Only the css-orientation-lock rule needs those stylesheets.
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"], preload: false });
    // Where an element is, in words: the caption of its table, else the nearest heading.
    const where = (selector) => {
      let el = null;
      try { el = document.querySelector(selector); } catch { return ""; }
      if (!el) return "";
      const caption = el.querySelector("caption") || el.closest("table")?.querySelector("caption");
      if (caption) return `table "${caption.textContent.trim()}"`;
      const headings = Array.from(document.querySelectorAll("h1, h2, h3"));
      const before = headings.filter((h) => h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
      return before.length ? `under heading "${before[before.length - 1].textContent.trim()}"` : "";
    };
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(" "),
        where: n.target.length === 1 ? where(n.target[0]) : "",
        summary: n.failureSummary,
        html: n.html,
      })),
    }));
  });
  for (const v of result) {
    const lines = [`axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.length} element${v.nodes.length === 1 ? "" : "s"}) ${v.helpUrl}`];
    for (const n of v.nodes.slice(0, 8)) {
      lines.push(`      target: ${n.target}${n.where ? `  (${n.where})` : ""}`);
      lines.push(`        html: ${n.html.replace(/\s+/g, " ").slice(0, 200)}`);
      if (n.summary) lines.push(`        ${n.summary.replace(/\n\s*/g, " | ").slice(0, 400)}`);
    }
    if (v.nodes.length > 8) lines.push(`      ... and ${v.nodes.length - 8} more`);
    if (FAILING_IMPACTS.has(v.impact)) {
      axeFailing += 1;
      axeFailingNodes += v.nodes.length;
      failures.push(`${p.label}: ${lines.join("\n")}`);
    } else {
      axeOther += 1;
      notes.push(`${p.label}: ${lines.join("\n")}`);
    }
  }
}

// Layout notes (do not fail): a page wider than the viewport, i.e. sideways scrolling of
// the whole page rather than of a table's own scroll box.
async function layoutNotes(p, width) {
  const info = await p.page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    widest: Array.from(document.querySelectorAll("body *"))
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .filter((e) => !e.closest(".scroll"))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === "string" ? "." + e.className.split(" ").join(".") : ""} (right edge ${Math.round(e.getBoundingClientRect().right)}px)`),
  }));
  if (info.scrollWidth > info.clientWidth + 1) {
    notes.push(`${p.label}: page is ${info.scrollWidth}px wide in a ${info.clientWidth}px ${width} viewport; sticking out: ${info.widest.join(", ") || "?"}`);
  }
}

function fileUrl(relPath) {
  return pathToFileURL(path.join(site, relPath)).href;
}

// Pick the pages from the overview's links, in document order.
async function pickPages(browser) {
  const context = await browser.newContext();
  const p = await openPage(context, "index.html (link discovery)");
  await load(p, fileUrl("index.html"));
  const links = async () =>
    p.page.evaluate(() => Array.from(document.querySelectorAll("a[href]"), (a) => a.href));
  const overviewLinks = (await links()).filter((h) => h.startsWith("file:")).map(rel);
  const week = overviewLinks.find((h) => /^minggu\/[^/]+\/index\.html$/.test(h));
  const month = overviewLinks.find((h) => /^bulan\/[^/]+\/index\.html$/.test(h));
  const history = overviewLinks.find((h) => /^pd\/[^/]+\.html$/.test(h));
  let department;
  if (week) {
    await load(p, fileUrl(week));
    const weekDir = path.dirname(week);
    department = (await links())
      .filter((h) => h.startsWith("file:"))
      .map(rel)
      .find((h) => path.dirname(h) === weekDir && /^minggu\/[^/]+\/[^/]+\.html$/.test(h) && !h.endsWith("/index.html"));
  }
  flush(p, "");
  await context.close();
  const pages = [
    ["overview", "index.html"],
    ["week", week],
    ["month", month],
    ["department in period", department],
    ["department history", history],
    ["data quality", "kualitas-data.html"],
    ["method", "metode.html"],
  ];
  for (const [what, file] of pages) {
    if (!file) failures.push(`no ${what} page linked (overview: first minggu/<label>/index.html, first bulan/<label>/index.html, the week's first department page, first pd/<slug>.html)`);
    else if (!fs.existsSync(path.join(site, file))) failures.push(`${what} page ${file} is linked but missing from the site`);
  }
  return pages.filter(([, file]) => file && fs.existsSync(path.join(site, file)));
}

// A duration as patuh writes it ("1 hari 3 jam", "12 mnt 5 dtk", "2 h 5 min") in seconds;
// NaN for anything else.
function durationSeconds(text) {
  const units = { hari: 86400, d: 86400, jam: 3600, h: 3600, mnt: 60, min: 60, dtk: 1, s: 1 };
  const parts = text.trim().replace(/\u2212/g, "-").split(/\s+/);
  if (parts.length % 2 !== 0 || parts.length === 0) return NaN;
  let total = 0;
  for (let i = 0; i < parts.length; i += 2) {
    const n = Number(parts[i]);
    const unit = units[parts[i + 1]];
    if (!Number.isFinite(n) || !unit) return NaN;
    total += n * unit;
  }
  return total;
}

// Phones at 390 px (the narrowest common width): no page of any kind is wider than the
// screen, and no stacked table scrolls sideways; screenshots of the overview, a week and
// a department page (the first screen, and the whole page).
async function phoneWidth(browser, pages, shots, screenshots) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 1,
  });
  await context.route(/^(?!file:|data:|blob:)/, (route) => route.abort("blockedbyclient"));
  let checked = 0;
  let failed = 0;
  for (const [what, file] of pages) {
    const before = failures.length;
    const p = await openPage(context, `${file} @ phone 390×844`);
    await load(p, fileUrl(file));
    const info = await p.page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      boxes: Array.from(document.querySelectorAll(".stack"))
        .filter((box) => box.scrollWidth > box.clientWidth + 1)
        .map((box) => `${box.querySelector("caption")?.textContent.trim() ?? box.querySelector("table")?.className} (${box.scrollWidth}px in ${box.clientWidth}px)`),
    }));
    if (info.scroll > 390) p.problems.push(`${what} page is ${info.scroll}px wide on a 390px phone (document.documentElement.scrollWidth)`);
    if (info.boxes.length) p.problems.push(`stacked tables scroll sideways: ${info.boxes.join(", ")}`);
    const slug = { overview: "overview", week: "week", "department in period": "department" }[what];
    if (slug) {
      for (const [suffix, fullPage] of [["first-screen", false], ["full", true]]) {
        const shot = path.join(shots, `${slug}-phone390-${suffix}.png`);
        await p.page.screenshot({ path: shot, fullPage });
        screenshots.push(shot);
      }
    }
    flush(p, "phone 390");
    await p.page.close();
    checked += 1;
    if (failures.length > before) failed += 1;
  }
  await context.close();
  return { checked, failed };
}

// sort.js: clicking a step's heading in an item table sorts the rows by the duration in
// seconds (each cell's data-sort), not by its text ("10 mnt" after "2 mnt"), cells
// without a duration last; a second click sorts the other way. Checked on every item
// table of the week and department pages, on a desktop-sized window (the headings are
// buttons there; on phones the stacked tables keep the server's order).
async function sortCheck(browser, pages) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route(/^(?!file:|data:|blob:)/, (route) => route.abort("blockedbyclient"));
  let checked = 0;
  let failed = 0;
  let columns = 0;
  let textOrderDiffers = 0;
  for (const [what, file] of pages.filter(([what]) => what === "week" || what === "department in period")) {
    const before = failures.length;
    const p = await openPage(context, `${file} @ sorting`);
    await load(p, fileUrl(file));
    const tables = await p.page.locator("table.items").count();
    if (tables === 0) p.problems.push(`no item table on the ${what} page`);
    for (let t = 0; t < tables; t += 1) {
      const table = p.page.locator("table.items").nth(t);
      // The step columns: the headings over cells of class "st".
      const stepColumns = await table.evaluate((el) =>
        Array.from(el.tBodies[0].rows[0]?.cells ?? [])
          .map((cell, index) => (cell.classList.contains("st") ? index : -1))
          .filter((index) => index >= 0));
      if (stepColumns.length === 0) p.problems.push(`item table ${t + 1} has no step column`);
      for (const index of stepColumns) {
        const read = () => table.evaluate((el, i) =>
          Array.from(el.tBodies[0].rows, (row) => {
            const cell = row.cells[i];
            return { sort: cell.getAttribute("data-sort"), text: cell.querySelector(".dur")?.textContent.replace(/\*$/, "") ?? "" };
          }), index);
        const original = await read();
        const button = table.locator("thead th").nth(index).locator("button.sort");
        for (const [click, direction] of [[1, 1], [2, -1]]) {
          await button.click();
          const rows = await read();
          const heading = (await table.locator("thead th").nth(index).textContent()).trim();
          const label = `item table ${t + 1}, column "${heading}", click ${click}`;
          if (rows.length !== original.length) p.problems.push(`${label}: ${rows.length} rows after sorting, ${original.length} before`);
          const firstEmpty = rows.findIndex((r) => r.sort === null);
          if (firstEmpty >= 0 && rows.slice(firstEmpty).some((r) => r.sort !== null)) {
            p.problems.push(`${label}: a cell without a duration sorts before one with a duration`);
          }
          const values = rows.filter((r) => r.sort !== null);
          for (let i = 1; i < values.length; i += 1) {
            const [a, b] = [values[i - 1], values[i]];
            if ((Number(b.sort) - Number(a.sort)) * direction < 0) {
              p.problems.push(`${label}: ${a.text} (${a.sort} s) before ${b.text} (${b.sort} s)`);
              break;
            }
            const [x, y] = [durationSeconds(a.text), durationSeconds(b.text)];
            if (!(Number.isFinite(x) && Number.isFinite(y)) || (y - x) * direction < 0) {
              p.problems.push(`${label}: the texts ${JSON.stringify(a.text)} and ${JSON.stringify(b.text)} are not in the order of their durations (${x}, ${y})`);
              break;
            }
          }
          const ariaSort = await table.locator("thead th").nth(index).getAttribute("aria-sort");
          if (ariaSort !== (direction === 1 ? "ascending" : "descending")) p.problems.push(`${label}: aria-sort is ${ariaSort}`);
          if (direction === 1) {
            const texts = values.map((r) => r.text);
            if (texts.some((x, i) => i > 0 && texts[i - 1].localeCompare(x) > 0)) textOrderDiffers += 1;
          }
        }
        columns += 1;
      }
    }
    flush(p, "sorting");
    await p.page.close();
    checked += 1;
    if (failures.length > before) failed += 1;
  }
  // The check means something only if sorting the text would have given another order.
  if (columns > 0 && textOrderDiffers === 0) {
    failures.push(`sorting: no duration column whose text order differs from its value order ("10 mnt" vs "2 mnt"): the check proves nothing`);
  }
  console.log(`browser: sorting checked on ${columns} duration columns (${textOrderDiffers} where text order would differ)`);
  await context.close();
  return { checked, failed };
}

// Search (issue 15): on the overview opened from file:// at phone width, typing a ticket
// of the sample data (data/, "Laporan Medsos 5-11 Okt 2026.csv", row 1) and then a word
// lists results whose links land on the item's row in its month register: the target
// page has an element with the link's id, holding the ticket. The box passes axe with
// results shown and the page does not scroll sideways. Prints the time to the first
// result (from pressing Enter; the index loads on demand).
const SEARCH_TICKET = "MS-2026-000163";
const SEARCH_WORD = "trotoar";
async function searchCheck(browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  await context.route(/^(?!file:|data:|blob:)/, (route) => route.abort("blockedbyclient"));
  const before = failures.length;
  const p = await openPage(context, "index.html @ search");
  await load(p, fileUrl("index.html"));
  const box = p.page.locator("form#cari[role=search]");
  if (!(await box.isVisible())) p.problems.push("the search box is not shown (search.js did not run?)");
  const times = [];
  for (const query of [SEARCH_TICKET, SEARCH_WORD]) {
    await p.page.fill("#cari-q", query);
    const t0 = await p.page.evaluate(() => performance.now());
    await p.page.press("#cari-q", "Enter");
    const first = p.page.locator("#cari-hasil li a").first();
    try {
      await first.waitFor({ timeout: 10000 });
    } catch {
      p.problems.push(`"${query}": no result (status: ${JSON.stringify(await p.page.textContent("#cari-status"))})`);
      continue;
    }
    times.push(`${query}: ${Math.round((await p.page.evaluate(() => performance.now())) - t0)} ms`);
    await p.page.waitForFunction(() => !/…/.test(document.getElementById("cari-status").textContent));
    const results = await p.page.locator("#cari-hasil li").allTextContents();
    const status = await p.page.textContent("#cari-status");
    if (query === SEARCH_TICKET && (results.length !== 1 || !results[0].startsWith(SEARCH_TICKET))) {
      p.problems.push(`"${query}": ${results.length} results (${status}), expected exactly the item: ${JSON.stringify(results.slice(0, 3))}`);
    }
    if (query === SEARCH_WORD && (results.length < 2 || results.some((r) => !r.toLowerCase().includes(SEARCH_WORD)))) {
      p.problems.push(`"${query}": ${results.length} results (${status}), each should hold the word`);
    }
    const wide = await p.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (wide > 0) p.problems.push(`"${query}": with results shown the page scrolls ${wide} px sideways`);
    await runAxe(p);
    const ticket = (await first.textContent()).trim();
    const href = await first.getAttribute("href");
    await first.click();
    await p.page.waitForLoadState("load");
    const url = p.page.url();
    const id = decodeURIComponent(new URL(url).hash.slice(1));
    const target = await p.page.evaluate((id) => {
      const el = document.getElementById(id);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { text: el.textContent, top: r.top, matches: el.matches(":target") };
    }, id);
    if (!url.startsWith("file:") || !id) p.problems.push(`"${query}": the first result links to ${href}, not to a row of a page of the site`);
    else if (!target) p.problems.push(`"${query}": ${href}: no element with id ${id}`);
    else {
      if (!target.text.includes(ticket)) p.problems.push(`"${query}": ${href}: the row does not hold ${ticket}`);
      if (!target.matches) p.problems.push(`"${query}": ${href}: the row is not the page's :target`);
      if (target.top < -1 || target.top > 844) p.problems.push(`"${query}": ${href}: the row is not scrolled into view (top ${target.top})`);
    }
    flush(p, `search "${query}"`);
    await p.page.goBack();
    await p.page.waitForLoadState("load");
  }
  console.log(`browser: search from file:// at 390 px, time to first result: ${times.join(", ")}`);
  await p.page.close();
  await context.close();
  return { checked: 1, failed: failures.length > before ? 1 : 0 };
}

async function main() {
  const started = Date.now();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "patuh-chromium-"));
  let browser;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
    });
  } catch (err) {
    console.error(`browser: cannot start ${executablePath}: ${err.message}`);
    fs.rmSync(profile, { recursive: true, force: true });
    process.exit(2);
  }
  console.log(`browser: ${executablePath} (Chromium ${browser.version()}), axe-core ${JSON.parse(fs.readFileSync(require.resolve("axe-core/package.json"), "utf8")).version}, site ${site}`);

  const pages = await pickPages(browser);
  const screenshots = [];
  let checked = 0;
  let failedLoads = 0;
  for (const width of WIDTHS) {
    const context = await browser.newContext({
      viewport: width.viewport,
      isMobile: width.isMobile,
      hasTouch: width.hasTouch,
      deviceScaleFactor: 1,
      locale: "id-ID",
      timezoneId: "Asia/Jakarta",
    });
    // Anything not on file:// is aborted here (and reported by the request listener).
    await context.route(/^(?!file:|data:|blob:)/, (route) => route.abort("blockedbyclient"));
    for (const [what, file] of pages) {
      const failuresBefore = failures.length;
      const p = await openPage(context, `${file} @ ${width.name} ${width.viewport.width}×${width.viewport.height}`);
      await load(p, fileUrl(file));
      if (!p.requests.some((u) => u === fileUrl(file))) {
        p.problems.push("the page's own request was not seen: the request listener does not work");
      }
      flush(p, "load");
      await runAxe(p);
      flush(p, "axe");
      await layoutNotes(p, width.name);
      if (what === "overview" || what === "department in period") {
        const slug = what === "overview" ? "overview" : "department";
        const shot = path.join(shots, `${slug}-${width.name}.png`);
        await p.page.screenshot({ path: shot, fullPage: true });
        screenshots.push(shot);
      }
      // Print media: the same page laid out for paper must render without errors.
      await p.page.emulateMedia({ media: "print" });
      await p.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await p.page.screenshot({ fullPage: true }); // forces layout and paint in print media
      flush(p, "print media");
      // No screen-only text on paper: skip link, navigation, sort hints, download links.
      const onPaper = await p.page.evaluate(() =>
        [".skip", "header.top", ".crumbs", ".hint", "a[download]"]
          .flatMap((sel) => [...document.querySelectorAll(sel)].map((e) => [sel, e]))
          .filter(([, e]) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden")
          .map(([sel, e]) => `${sel} "${e.textContent.trim().slice(0, 40)}"`));
      for (const shown of onPaper) failures.push(`${file} @ ${width.name} print: screen-only text on paper: ${shown}`);
      await p.page.emulateMedia({ media: "screen" });
      await p.page.close();
      checked += 1;
      if (failures.length > failuresBefore) failedLoads += 1;
    }
    await context.close();
  }

  for (const r of [await phoneWidth(browser, pages, shots, screenshots), await sortCheck(browser, pages)]) {
    checked += r.checked;
    failedLoads += r.failed;
  }

  {
    const r = await searchCheck(browser);
    checked += r.checked;
    failedLoads += r.failed;
  }

  // A PDF of the week page, as the office prints it (A4, the stylesheet's @page rules).
  const week = pages.find(([what]) => what === "week");
  if (week) {
    const context = await browser.newContext();
    await context.route(/^(?!file:|data:|blob:)/, (route) => route.abort("blockedbyclient"));
    const failuresBefore = failures.length;
    const p = await openPage(context, `${week[1]} @ PDF A4`);
    await load(p, fileUrl(week[1]));
    const pdf = path.join(shots, "week.pdf");
    await p.page.pdf({ path: pdf, format: "A4", preferCSSPageSize: true, printBackground: true });
    screenshots.push(pdf);
    flush(p, "pdf");
    // The printed record (issue 12): every page carries the letterhead's office name (the
    // running header) and "Halaman i dari n"; the last page has every signature block.
    const record = await p.page.evaluate(() => ({
      office: document.querySelector(".kop-office")?.textContent || null,
      signers: [...document.querySelectorAll(".record-sign .signer")].map(
        (s) => s.querySelector("p:nth-child(2)").textContent.split(",")[0] + ","),
      pageWord: document.documentElement.lang === "en" ? ["Page", "of"] : ["Halaman", "dari"],
    }));
    checkPdf(pdf, record, week[1]);
    checked += 1;
    if (failures.length > failuresBefore) failedLoads += 1;
    await context.close();
  }
  {
    const r = await letterOnePage(browser, shots, screenshots);
    checked += r.checked;
    failedLoads += r.failed;
  }
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });

  console.log(`browser: pages checked: ${pages.map(([what, file]) => `${file} (${what})`).join(", ")}`);
  if (notes.length) {
    console.log(`browser: notes (do not fail the check):`);
    for (const n of notes) console.log(`  note: ${n}`);
  }
  if (failures.length) {
    console.log(`browser: FAILED checks:`);
    for (const f of failures) console.log(`  FAIL: ${f}`);
  }
  console.log(`browser: screenshots and PDF in ${shots}: ${screenshots.map((s) => path.basename(s)).join(", ")}`);
  const widths = WIDTHS.length;
  const summary = `browser: ${pages.length} pages × ${widths} widths, ${axeFailing} axe violations` +
    (axeFailing ? ` on ${axeFailingNodes} elements` : "") +
    (axeOther ? ` (+${axeOther} minor/moderate)` : "") +
    `, ${failures.length - axeFailing} other problems`;
  console.log(`${summary} (${((Date.now() - started) / 1000).toFixed(1)} s, ${checked} page loads)`);
  if (process.env.SUMMARY_FILE) {
    fs.writeFileSync(process.env.SUMMARY_FILE, `${summary}\n${checked - failedLoads} ${failedLoads}\n`);
  }
  process.exit(failures.length ? 1 : 0);
}

// Checks the text of the week page's PDF (pdftotext): the letterhead's office name and
// the page number "Halaman i dari n" on every page, both signature blocks on the last.
function checkPdf(pdf, record, file) {
  const fail = (m) => failures.push(`${file} @ PDF A4: ${m}`);
  if (!record.office) return fail("the page has no letterhead (.kop-office): is [record] in patuh.toml?");
  if (record.signers.length < 2) return fail(`signature blocks on the page: ${JSON.stringify(record.signers)}, two expected`);
  let text;
  try {
    text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  } catch (err) {
    return fail(`pdftotext failed: ${err.message}`);
  }
  const before = failures.length;
  const pages = text.split("\f").filter((t) => t.trim() !== "");
  if (pages.length < 2) fail(`${pages.length} printed page(s): the week page should take several`);
  const [word, of] = record.pageWord;
  pages.forEach((t, i) => {
    const flat = t.replace(/\s+/g, " ");
    if (!flat.includes(record.office)) fail(`page ${i + 1} does not carry the office name ${JSON.stringify(record.office)}`);
    const number = `${word} ${i + 1} ${of} ${pages.length}`;
    if (!flat.includes(number)) fail(`page ${i + 1} does not carry ${JSON.stringify(number)}`);
  });
  const last = (pages[pages.length - 1] || "").replace(/\s+/g, " ");
  for (const heading of record.signers) {
    if (!last.includes(heading)) fail(`the last page has no signature block ${JSON.stringify(heading)}`);
  }
  if (failures.length === before) notes.push(`PDF: ${pages.length} A4 pages, each with ${JSON.stringify(record.office)} and "${word} i ${of} ${pages.length}"; signatures ${record.signers.join(" ")} on the last`);
}

// The monthly letter (issue 15): the latest month's letter, linked from the overview,
// prints on exactly one A4 page (the PDF's page count, from pdfinfo) with its letterhead
// and signature blocks on it; axe checks it on a desktop-sized window.
async function letterOnePage(browser, shots, screenshots) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route(/^(?!file:|data:|blob:)/, (route) => route.abort("blockedbyclient"));
  const failuresBefore = failures.length;
  const p = await openPage(context, "index.html (letter link)");
  await load(p, fileUrl("index.html"));
  const letters = (await p.page.evaluate(() => Array.from(document.querySelectorAll(".letter-link a[href]"), (a) => a.href)))
    .filter((h) => h.startsWith("file:"))
    .map(rel);
  flush(p, "");
  await p.page.close();
  const file = letters.find((h) => /^bulan\/[^/]+\/surat\.html$/.test(h));
  if (!file || !fs.existsSync(path.join(site, file))) {
    failures.push(`letter: the overview links no monthly letter (a .letter-link to bulan/<label>/surat.html): ${JSON.stringify(letters)}`);
    await context.close();
    return { checked: 1, failed: 1 };
  }
  const q = await openPage(context, `${file} @ PDF A4`);
  await load(q, fileUrl(file));
  await runAxe(q);
  const pdf = path.join(shots, "letter.pdf");
  await q.page.pdf({ path: pdf, format: "A4", preferCSSPageSize: true, printBackground: true });
  screenshots.push(pdf);
  flush(q, "pdf");
  const fail = (m) => failures.push(`${file} @ PDF A4: ${m}`);
  const expected = await q.page.evaluate(() => ({
    office: document.querySelector(".kop-office")?.textContent || null,
    signers: document.querySelectorAll(".record-sign .signer").length,
  }));
  let pages = NaN;
  let text = "";
  try {
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    pages = Number((info.match(/^Pages:\s+(\d+)/m) || [])[1]);
    text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } catch (err) {
    fail(`pdfinfo/pdftotext failed: ${err.message}`);
  }
  if (pages !== 1) fail(`the letter prints on ${pages} A4 pages, one expected`);
  if (!expected.office || !text.includes(expected.office)) fail(`the printed letter lacks its letterhead ${JSON.stringify(expected.office)}`);
  if (expected.signers < 1) fail("the letter has no signature block");
  if (failures.length === failuresBefore) notes.push(`letter: ${file} prints on 1 A4 page with ${JSON.stringify(expected.office)} and ${expected.signers} signature blocks`);
  await context.close();
  return { checked: 1, failed: failures.length > failuresBefore ? 1 : 0 };
}

main().catch((err) => {
  console.error(`browser: check crashed: ${err.stack || err}`);
  process.exit(2);
});
