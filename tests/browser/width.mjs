// Every page of a site fits a phone screen: the document is never wider than the
// viewport, and no table that opts in to stacking on phones (a `.stack` wrapper, see
// style.css) scrolls sideways in its box either: its rows are cards. Tables without the
// class may still scroll inside their own box. Used on the site built from data/ and on
// the one of tests/fixtures/site/long_words, whose texts are single unbroken words.
//
//   node width.mjs SITE_DIR
//
// Environment: CHROMIUM (default /usr/bin/chromium). Exit status 0 when every page fits,
// 1 when one does not (each is printed), 2 on wrong usage.

import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const site = process.argv[2] && path.resolve(process.argv[2]);
if (!site || !fs.existsSync(path.join(site, "index.html"))) {
  console.error("usage: node width.mjs SITE_DIR (a site patuh built)");
  process.exit(2);
}
const pages = fs
  .readdirSync(site, { recursive: true })
  .filter((f) => f.endsWith(".html"))
  .sort();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const context = await browser.newContext({
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
});
const page = await context.newPage();
let failed = 0;
for (const file of pages) {
  await page.goto(pathToFileURL(path.join(site, file)).href);
  const { scroll, client, boxes } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    // Stacked tables wider than their box: the caption (or class) and the widths.
    boxes: Array.from(document.querySelectorAll(".stack"))
      .filter((box) => box.scrollWidth > box.clientWidth + 1)
      .map((box) => {
        const caption = box.querySelector("caption");
        const table = box.querySelector("table");
        const name = caption ? `"${caption.textContent.trim()}"` : `table.${table ? table.className : "?"}`;
        return `${name} ${box.scrollWidth}px in ${box.clientWidth}px`;
      }),
  }));
  if (scroll > client + 1) {
    failed += 1;
    console.log(`  FAIL: ${file} is ${scroll}px wide on a ${client}px phone screen`);
  } else if (boxes.length) {
    failed += 1;
    console.log(`  FAIL: ${file}: stacked tables scroll sideways on a ${client}px phone screen: ${boxes.join(", ")}`);
  }
}
await browser.close();
console.log(`width: ${pages.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
