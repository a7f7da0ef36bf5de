// render.mjs — checks what `escc graph` and `escc doc` write by rendering it
// in Debian's headless Chromium (driven by playwright-core) and printing a
// plain, deterministic summary for FileCheck.
//
//   node tests/browser/render.mjs --deps build/browser mermaid FILE.mmd...
//   node tests/browser/render.mjs --deps build/browser html [--expect-text S]... FILE.html...
//   node tests/browser/render.mjs --deps build/browser screenshot IN OUT.png [--width N]
//
// --deps is the folder scripts/fetch-browser-deps.sh installs into; the
// packages are resolved from there, since ES module imports ignore NODE_PATH.
// The browser is $CHROMIUM, or /usr/bin/chromium; nothing is downloaded.
//
// Exit status: 0 every check passed, 1 a check failed, 2 bad usage or the
// browser or the packages could not be started.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const USAGE = `usage: node render.mjs --deps DIR mermaid FILE.mmd...
       node render.mjs --deps DIR html [--expect-text STRING]... FILE.html...
       node render.mjs --deps DIR screenshot IN.{svg,html,mmd} OUT.png [--width N]`;

// Without the networking switches Chromium keeps retrying refused
// connections to Google services and can stall; the profile is a fresh
// temporary folder passed by launchPersistentContext as --user-data-dir.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update',
  '--disable-sync',
];
const ACTION_TIMEOUT_MS = 30000;
// Time given to a loaded page for late work (an image's error handler, a
// timer) to show itself before the safety checks look.
const SETTLE_MS = 300;

class UsageError extends Error {}
class SetupError extends Error {}

function parseArgs(argv) {
  const opts = { deps: null, expectText: [], width: 1200, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new UsageError(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--deps') opts.deps = value();
    else if (a.startsWith('--deps=')) opts.deps = a.slice(7);
    else if (a === '--expect-text') opts.expectText.push(value());
    else if (a.startsWith('--expect-text=')) opts.expectText.push(a.slice(14));
    else if (a === '--width' || a.startsWith('--width=')) {
      const v = a === '--width' ? value() : a.slice(8);
      if (!/^[1-9][0-9]*$/.test(v)) throw new UsageError(`--width wants a positive whole number, not '${v}'`);
      opts.width = Number(v);
    } else if (a === '--') opts.rest.push(...argv.slice(i + 1)), (i = argv.length);
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else opts.rest.push(a);
  }
  if (!opts.deps) throw new UsageError('--deps DIR is required');
  const [mode, ...files] = opts.rest;
  if (!['mermaid', 'html', 'screenshot'].includes(mode)) {
    throw new UsageError(mode ? `unknown mode '${mode}'` : 'no mode given');
  }
  if (mode === 'screenshot') {
    if (files.length !== 2) throw new UsageError('screenshot wants IN and OUT.png');
    if (!/\.(svg|html?|mmd)$/i.test(files[0])) throw new UsageError(`screenshot input must be .svg, .html or .mmd: ${files[0]}`);
  } else if (files.length === 0) {
    throw new UsageError(`${mode} wants at least one file`);
  }
  if (mode !== 'html' && opts.expectText.length) throw new UsageError('--expect-text only applies to html mode');
  const inputs = mode === 'screenshot' ? [files[0]] : files;
  for (const f of inputs) {
    if (!fs.existsSync(f) || !fs.statSync(f).isFile()) throw new UsageError(`no such file: ${f}`);
  }
  return { ...opts, mode, files };
}

function loadDeps(depsDir) {
  const where = path.resolve(depsDir);
  const req = createRequire(path.join(where, 'package.json'));
  const fix = 'run scripts/fetch-browser-deps.sh';
  let playwright;
  let mermaidJs;
  try {
    playwright = req('playwright-core');
  } catch {
    throw new SetupError(`playwright-core is not installed in ${where}; ${fix}`);
  }
  try {
    mermaidJs = req.resolve('mermaid/dist/mermaid.min.js');
  } catch {
    throw new SetupError(`mermaid is not installed in ${where}; ${fix}`);
  }
  return { chromium: playwright.chromium, mermaidJs };
}

const collapse = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

// One line of output; labels and titles come from files under test, so line
// breaks inside them are flattened to keep one fact per line.
function line(out, text) {
  out.push(text.replace(/[\r\n]+/g, ' '));
}

// ---------------------------------------------------------------- browser

class Browser {
  constructor(chromium) {
    this.chromium = chromium;
    this.context = null;
    this.profile = null;
    this.closing = null;
  }

  async start(width) {
    const exe = process.env.CHROMIUM || '/usr/bin/chromium';
    try {
      fs.accessSync(exe, fs.constants.X_OK);
    } catch {
      throw new SetupError(`no Chromium at ${exe}; install Debian's chromium ` +
        '(apt-get install chromium) or set CHROMIUM to a Chromium binary');
    }
    this.profile = fs.mkdtempSync(path.join(os.tmpdir(), 'escalade-chromium-'));
    try {
      this.context = await this.chromium.launchPersistentContext(this.profile, {
        executablePath: exe,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width, height: 800 },
        // This script closes the browser itself, also on a signal.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        timeout: ACTION_TIMEOUT_MS,
      });
    } catch (e) {
      throw new SetupError(`could not start ${exe}: ${collapse(e.message).slice(0, 400)}`);
    }
    this.context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    // A persistent context opens with one blank tab; it is not used.
    for (const p of this.context.pages()) await p.close();
  }

  // Safe to call more than once, and from a signal handler while the main
  // flow is still running: every caller waits for the same shutdown.
  close() {
    this.closing ??= (async () => {
      if (this.context) await this.context.close().catch(() => {});
      if (this.profile) {
        fs.rmSync(this.profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      }
    })();
    return this.closing;
  }

  // A page that records dialogs (and dismisses them) and refuses every
  // request other than the ones `allowed` accepts; refused ones are recorded.
  async newGuardedPage(allowed) {
    const page = await this.context.newPage();
    const guard = { dialogs: [], refused: [] };
    page.on('dialog', (d) => {
      guard.dialogs.push(`${d.type()} "${collapse(d.message())}"`);
      d.dismiss().catch(() => {});
    });
    const refuse = (url) => {
      if (!guard.refused.includes(url)) guard.refused.push(url);
    };
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('data:') || allowed(url)) return route.continue();
      refuse(url);
      return route.abort('blockedbyclient');
    });
    // Requests that bypass routing (web sockets) are still noticed.
    page.on('websocket', (ws) => refuse(ws.url()));
    return { page, guard };
  }
}

// ---------------------------------------------------------------- mermaid

const BLANK_PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>escalade</title>' +
  '<style>html,body{margin:0;background:#fff}div.diagram{padding:8px}</style></head><body></body></html>';

async function openMermaidPage(browser, mermaidJs) {
  const { page, guard } = await browser.newGuardedPage((url) => url === 'about:blank');
  await page.setContent(BLANK_PAGE);
  await page.addScriptTag({ content: fs.readFileSync(mermaidJs, 'utf8') });
  const ok = await page.evaluate(() => {
    if (typeof window.mermaid?.render !== 'function') return false;
    window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return true;
  });
  if (!ok) throw new SetupError(`${mermaidJs} did not define window.mermaid; run scripts/fetch-browser-deps.sh`);
  return { page, guard };
}

// Parses and renders one diagram, puts its SVG in the page, and returns
// what the SVG holds. Runs inside the page.
async function renderInPage({ text, id }) {
  const mermaid = window.mermaid;
  try {
    await mermaid.parse(text);
  } catch (e) {
    return { parseError: String(e?.message ?? e) };
  }
  let svg;
  try {
    ({ svg } = await mermaid.render(id, text));
  } catch (e) {
    return { renderError: String(e?.message ?? e) };
  }
  const box = document.createElement('div');
  box.className = 'diagram';
  box.id = `box-${id}`;
  box.innerHTML = svg;
  document.body.appendChild(box);
  return { svgText: svg };
}

// Event-handler attributes anywhere, and javascript: URLs in attributes that
// hold a URL (href covers xlink:href too), under `root`. Runs inside the
// page, handed in by evaluateWithScan.
function scanAttributes(root) {
  const urlAttrs = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'cite']);
  const found = [];
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.localName)) found.push(`${attr.name} attribute on <${el.localName}>`);
      // Browsers skip control characters and spaces around a URL's scheme.
      const value = attr.value.replace(/[\u0000-\u0020]/g, '');
      if (urlAttrs.has(attr.localName.toLowerCase()) && /^javascript:/i.test(value)) {
        found.push(`javascript: URL in ${attr.name} of <${el.localName}>`);
      }
    }
  }
  return found;
}

// Calls fn(arg, scanAttributes) in the page. Both travel as source text;
// the page's own Content-Security-Policy does not apply to this evaluation.
function evaluateWithScan(page, fn, arg) {
  return page.evaluate(`(${fn})(${JSON.stringify(arg)}, ${scanAttributes})`);
}

// Reads the rendered SVG back out of the page. Runs inside the page.
//
// Mermaid 11 flowcharts put each node in a <g class="node"> (subgraphs are
// g.cluster, so they are not counted), each edge's line in a <path> inside
// <g class="edgePaths">, and each edge's label in a <g class="edgeLabel">
// inside <g class="edgeLabels"> — one per edge, empty when the edge has no
// label. Other diagram kinds mostly count 0 here.
function describeInPage({ id }, scanAttributes) {
  const box = document.getElementById(`box-${id}`);
  const svg = box.querySelector('svg') ?? box;
  const flat = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  const nodes = [...svg.querySelectorAll('g.node')];
  const edges = svg.querySelectorAll('g.edgePaths path');
  const edgeLabels = [...svg.querySelectorAll('g.edgeLabels g.edgeLabel')]
    .map((g) => flat(g.textContent)).filter((t) => t !== '');
  const unsafe = [];
  if (box.querySelector('script')) unsafe.push('<script> element in the SVG');
  unsafe.push(...scanAttributes(box));
  return {
    nodes: nodes.length,
    edges: edges.length,
    labels: nodes.map((g) => flat(g.textContent)),
    edgeLabels,
    unsafe,
  };
}

// Looks at the SVG text as mermaid returned it, before the browser parsed it.
function unsafeMarkup(svgText) {
  // Text content has its '<' escaped, so only real markup can match; on*
  // attributes and javascript: URLs are judged on the parsed DOM instead,
  // where label text that merely mentions them cannot be mistaken for them.
  return /<script[\s>/]/i.test(svgText) ? ['<script> in the SVG markup'] : [];
}

// Looks at whether anything ran or left the page since the last call, and
// resets the tripwire so the next diagram is judged on its own.
async function takeSafety(page, guard, seen) {
  const pwned = await page.evaluate(() => {
    const v = window.__escalade_pwned;
    delete window.__escalade_pwned;
    return v === undefined ? null : String(v);
  });
  const why = [];
  if (pwned !== null) why.push(`window.__escalade_pwned was set (${pwned})`);
  for (const d of guard.dialogs.slice(seen.dialogs)) why.push(`a dialog opened: ${d}`);
  for (const u of guard.refused.slice(seen.refused).sort()) why.push(`request to ${u}`);
  seen.dialogs = guard.dialogs.length;
  seen.refused = guard.refused.length;
  return why;
}

async function runMermaid(browser, deps, files, out) {
  const { page, guard } = await openMermaidPage(browser, deps.mermaidJs);
  const seen = { dialogs: 0, refused: 0 };
  let failed = false;
  for (const [i, file] of files.entries()) {
    const id = `escalade-diagram-${i + 1}`;
    const text = fs.readFileSync(file, 'utf8');
    const r = await page.evaluate(renderInPage, { text, id });
    if (r.parseError || r.renderError) {
      const kind = r.parseError ? 'parse error' : 'render error';
      const lines = (r.parseError ?? r.renderError).split('\n').map((l) => l.trimEnd()).filter(Boolean);
      out.push(`${file}: mermaid ${kind}: ${lines[0] ?? '(no message)'}`);
      for (const l of lines.slice(1)) out.push(`  | ${l}`);
      failed = true;
      await page.waitForTimeout(50);
      await takeSafety(page, guard, seen);
      continue;
    }
    await page.waitForTimeout(50);
    // Mermaid answers some failures (a chart over its size limit, for one)
    // with a drawing of the error rather than an exception.
    const errorDrawing = /aria-roledescription="error"|Maximum text size in diagram exceeded|Syntax error in text/.exec(r.svgText);
    if (errorDrawing) {
      line(out, `${file}: mermaid drew an error instead of the chart: ${errorDrawing[0]}`);
      failed = true;
      continue;
    }
    const d = await evaluateWithScan(page, describeInPage, { id });
    line(out, `${file}: mermaid ok: ${d.nodes} nodes, ${d.edges} edges`);
    for (const l of d.labels) line(out, `  label: ${l}`);
    for (const l of d.edgeLabels) line(out, `  edge-label: ${l}`);
    const why = [...unsafeMarkup(r.svgText), ...d.unsafe, ...(await takeSafety(page, guard, seen))];
    if (why.length) {
      line(out, `${file}: UNSAFE: ${[...new Set(why)].join('; ')}`);
      failed = true;
    }
  }
  await page.close();
  return failed;
}

// ---------------------------------------------------------------- html

// Everything the html mode prints, read from the loaded page. Runs inside it.
function inspectHtmlInPage({ expectText }, scanAttributes) {
  const flat = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  const headings = [...document.querySelectorAll('h1, h2, h3')]
    .map((h) => ({ tag: h.localName, text: flat(h.textContent) }));
  const stages = document.querySelector('table.stages');
  const th = stages ? [...stages.querySelectorAll('th')].map((t) => flat(t.textContent)) : [];
  // Inline figures: outermost <svg> elements only, not ones nested in another.
  const svgs = [...document.querySelectorAll('svg')].filter((s) => !s.parentElement?.closest('svg'));
  const names = svgs.map((svg) => {
    const role = (svg.getAttribute('role') ?? '').trim().split(/\s+/)[0];
    if (role === 'img') {
      const ids = (svg.getAttribute('aria-labelledby') ?? '').trim().split(/\s+/).filter(Boolean);
      const byIds = flat(ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
      if (byIds) return byIds;
      const label = flat(svg.getAttribute('aria-label'));
      if (label) return label;
    }
    const title = [...svg.children].find((c) => c.localName === 'title');
    return flat(title?.textContent) || null;
  });
  const unsafe = [];
  const scripts = document.querySelectorAll('script').length;
  if (scripts) unsafe.push(`${scripts} <script> element(s) in the DOM`);
  unsafe.push(...scanAttributes(document));
  const body = flat(document.body?.innerText);
  return {
    title: flat(document.title),
    headings,
    th,
    names,
    unsafe,
    pwned: window.__escalade_pwned === undefined ? null : String(window.__escalade_pwned),
    expected: expectText.map((s) => ({ s, found: body.includes(flat(s)) })),
  };
}

async function runHtml(browser, files, expectText, out) {
  let failed = false;
  for (const file of files) {
    const url = pathToFileURL(path.resolve(file)).href;
    const { page, guard } = await browser.newGuardedPage((u) => u === url);
    let info;
    let pageScripts = 0;
    try {
      // Every script the page itself runs (an inline <script>, an event
      // handler once it fires, a javascript: URL) is compiled in a frame's
      // main world and reported here, even if it removes its own traces.
      // Playwright's helpers live in isolated worlds, and the session is
      // detached before this script evaluates anything in the page.
      const cdp = await page.context().newCDPSession(page);
      cdp.on('Debugger.scriptParsed', (e) => {
        if (e.executionContextAuxData?.isDefault) pageScripts++;
      });
      await cdp.send('Debugger.enable');
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(SETTLE_MS);
      await cdp.detach();
      info = await evaluateWithScan(page, inspectHtmlInPage, { expectText });
    } catch (e) {
      if (browser.closing) throw e;
      line(out, `${file}: html error: ${collapse(e.message).slice(0, 300)}`);
      failed = true;
      await page.close();
      continue;
    }
    await page.close();
    line(out, `${file}: html ok`);
    line(out, `  title: ${info.title}`);
    for (const h of info.headings) line(out, `  ${h.tag}: ${h.text}`);
    for (const t of info.th) line(out, `  th: ${t}`);
    line(out, `  figure: ${info.names.length} svg`);
    for (const n of info.names) line(out, `  svg-name: ${n ?? 'MISSING'}`);
    if (info.names.includes(null)) failed = true;
    for (const { s, found } of info.expected) {
      line(out, `  text-${found ? 'contains' : 'missing'}: ${s}`);
      if (!found) failed = true;
    }
    const why = [...info.unsafe];
    if (pageScripts) why.push(`the page ran ${pageScripts} script(s)`);
    if (info.pwned !== null) why.push(`window.__escalade_pwned was set (${info.pwned})`);
    for (const d of guard.dialogs) why.push(`a dialog opened: ${d}`);
    // Sorted: parallel loads may be refused in any order.
    for (const u of [...guard.refused].sort()) why.push(`request to ${u}`);
    if (why.length) {
      line(out, `${file}: UNSAFE: ${[...new Set(why)].join('; ')}`);
      failed = true;
    } else {
      out.push('  no script ran, no external requests');
    }
  }
  return failed;
}

// ---------------------------------------------------------------- screenshot

async function runScreenshot(browser, deps, input, output, width, out) {
  let page;
  let fullPage = true;
  if (/\.mmd$/i.test(input)) {
    ({ page } = await openMermaidPage(browser, deps.mermaidJs));
    const r = await page.evaluate(renderInPage, { text: fs.readFileSync(input, 'utf8'), id: 'escalade-shot' });
    if (r.parseError || r.renderError) {
      line(out, `${input}: mermaid ${r.parseError ? 'parse' : 'render'} error: ${collapse(r.parseError ?? r.renderError)}`);
      return true;
    }
    // A short viewport, so the full-page shot is as tall as the diagram.
    await page.setViewportSize({ width, height: 100 });
  } else {
    const url = pathToFileURL(path.resolve(input)).href;
    ({ page } = await browser.newGuardedPage((u) => u === url));
    await page.goto(url, { waitUntil: 'load' });
    if (/\.svg$/i.test(input)) {
      // Playwright's full-page shot never finishes on a bare SVG document,
      // so the viewport is made as tall as the drawing instead. A root with
      // no height attribute fills the viewport; its viewBox gives the ratio.
      const height = await page.evaluate(() => {
        const root = document.documentElement;
        const box = root.getBoundingClientRect();
        const vb = root.viewBox?.baseVal;
        const h = vb && vb.width > 0 && vb.height > 0 && !root.hasAttribute('height')
          ? box.width * vb.height / vb.width : box.bottom;
        return Math.max(1, Math.ceil(h));
      });
      await page.setViewportSize({ width, height });
      fullPage = false;
    }
  }
  await page.waitForTimeout(SETTLE_MS);
  fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
  await page.screenshot({ path: output, fullPage, animations: 'disabled' });
  await page.close();
  line(out, `${input}: screenshot written to ${output}`);
  return false;
}

// ---------------------------------------------------------------- main

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`render.mjs: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  const browser = new Browser(null);
  let interrupted = false;
  const stop = (signal, code) => {
    process.on(signal, () => {
      interrupted = true;
      process.stderr.write(`render.mjs: stopped by ${signal}\n`);
      browser.close().finally(() => process.exit(code));
    });
  };
  stop('SIGINT', 130);
  stop('SIGTERM', 143);
  stop('SIGHUP', 129);
  // Each line goes out as soon as it is known, so a crash part way still
  // shows the files already checked.
  const out = { push: (text) => process.stdout.write(`${text}\n`) };
  try {
    const deps = loadDeps(opts.deps);
    browser.chromium = deps.chromium;
    await browser.start(opts.width);
    let failed;
    if (opts.mode === 'mermaid') failed = await runMermaid(browser, deps, opts.files, out);
    else if (opts.mode === 'html') failed = await runHtml(browser, opts.files, opts.expectText, out);
    else failed = await runScreenshot(browser, deps, opts.files[0], opts.files[1], opts.width, out);
    return failed ? 1 : 0;
  } catch (e) {
    if (interrupted) return 1;
    if (e instanceof SetupError) {
      process.stderr.write(`render.mjs: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`render.mjs: ${e.stack ?? e}\n`);
    return 1;
  } finally {
    await browser.close();
  }
}

process.exitCode = await main();
