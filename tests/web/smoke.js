// Plays the web build in Debian's headless Chromium, as a trainee launched from an LMS
// would: a loopback server plays the LMS (cmi5's fetch URL and LMS.LaunchData) and
// hosts the page, in front of the in-memory LRS the export tests use (Learning
// Locker's xapi-statements). The test clicks the start button and an answer per turn
// (at the places the game reports through frontline_web_probe) until the debrief,
// leaves the page, and checks the statements the LRS received against cmi5's rules and
// xapi-validation; then it opens the plain library and checks the result survived in
// IndexedDB.
//   node tests/web/smoke.js SITE_DIR [--screenshots DIR]
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const puppeteer = require('puppeteer-core');
// The LRS and the validator come with the export tests' npm packages.
const lrsModules = path.join(__dirname, '..', 'results', 'node', 'node_modules');
const validate = require(path.join(lrsModules, 'xapi-validation')).default;
const { start: startLrs } = require(path.join(__dirname, '..', 'results', 'node', 'lrs_server.js'));

const site = path.resolve(process.argv[2] || 'build-web/site');
const shotsAt = process.argv.indexOf('--screenshots');
const shots = shotsAt > 0 ? path.resolve(process.argv[shotsAt + 1]) : null;
if (shots) fs.mkdirSync(shots, { recursive: true });
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm',
                '.data': 'application/octet-stream', '.xml': 'application/xml' };
const SCREEN = { library: 0, briefing: 1, call: 2, debrief: 3 };

function fail(message) {
  console.error('web smoke: FAIL: ' + message);
  process.exit(1);
}

// The LMS's side of a cmi5 launch (the fetch URL, LMS.LaunchData) and the page's files,
// in front of the LRS the send tests use (tests/results/node/lrs_server.js).
const lms = {
  token: Buffer.from('trainer:secret').toString('base64'),
  tokenFetches: 0,
  launchData: { launchMode: 'Normal', moveOn: 'CompletedAndPassed', masteryScore: 0.5,
                contextTemplate: { extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid':
                                                 crypto.randomUUID() } } },
  lrs: null,
};

async function serve(dir) {
  lms.lrs = await startLrs({
    authorization: 'Basic ' + lms.token,
    routes: (req, res, url) => {
      if (url.pathname === '/cmi5/fetch') {
        // cmi5 section 8.2: POST only, and the token is given once.
        lms.tokenFetches += 1;
        res.writeHead(req.method === 'POST' && lms.tokenFetches === 1 ? 200 : 401, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(lms.tokenFetches === 1 ? { 'auth-token': lms.token }
                                                      : { 'error-code': '1', 'error-text': 'token already fetched' }));
        return true;
      }
      if (url.pathname === '/xAPI/activities/state') {
        const ok = req.headers.authorization === 'Basic ' + lms.token &&
                   url.searchParams.get('stateId') === 'LMS.LaunchData' && url.searchParams.get('registration') &&
                   url.searchParams.get('activityId') && url.searchParams.get('agent');
        res.writeHead(ok ? 200 : 400, { 'Content-Type': 'application/json' });
        res.end(ok ? JSON.stringify(lms.launchData) : '{}');
        return true;
      }
      if (url.pathname.startsWith('/xAPI/') || url.pathname === '/_test/stats') return false;  // the LRS
      const file = path.join(dir, decodeURIComponent(url.pathname));
      if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        res.writeHead(404).end();
        return true;
      }
      res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
      fs.createReadStream(file).pipe(res);
      return true;
    },
  });
  return lms.lrs;
}

function checkStatements(registration, activityId) {
  const refused = lms.lrs.statements.filter((x) => x.status >= 300);
  const st = lms.lrs.statements.filter((x) => x.status < 300).map((x) => x.statement);
  const verbs = st.map((s) => s.verb.id.split('/').pop());
  const problems = [];
  if (refused.length) problems.push('the LRS refused: ' + refused.map((x) => x.status + ' ' + x.statement.id).join(' | '));
  if (verbs[0] !== 'initialized') problems.push('the first statement is ' + verbs[0] + ', not initialized');
  if (verbs[verbs.length - 1] !== 'terminated') problems.push('the last statement is not terminated');
  const count = (v) => verbs.filter((x) => x === v).length;
  if (count('completed') !== 1) problems.push(count('completed') + ' completed statements');
  if (count('passed') + count('failed') !== 1) problems.push((count('passed') + count('failed')) + ' passed/failed statements');
  if (verbs.indexOf('completed') < verbs.indexOf('initialized')) problems.push('completed before initialized');
  if (count('answered') < 1) problems.push('no answered statements');
  if (verbs.lastIndexOf('answered') > verbs.indexOf('completed')) problems.push('an answered statement after completed');
  if (new Set(st.map((s) => s.id)).size !== st.length) problems.push('a statement was stored twice');
  const session = lms.launchData.contextTemplate.extensions['https://w3id.org/xapi/cmi5/context/extensions/sessionid'];
  const cmi5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
  const moveOn = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
  st.forEach((s, i) => {
    const verb = verbs[i];
    const ctx = s.context || {};
    const categories = ((ctx.contextActivities || {}).category || []).map((a) => a.id);
    const where = 'statement ' + (i + 1) + ' (' + verb + '): ';
    const warnings = validate(s);
    if (warnings.length) problems.push(where + warnings.map((w) => w.path.join('.') + ' ' + w.name).join(', '));
    if (ctx.registration !== registration) problems.push(where + 'wrong registration');
    if ((ctx.extensions || {})['https://w3id.org/xapi/cmi5/context/extensions/sessionid'] !== session)
      problems.push(where + 'no session id');
    const defined = ['initialized', 'completed', 'passed', 'failed', 'terminated'].includes(verb);
    if (defined !== categories.includes(cmi5)) problems.push(where + 'cmi5 category ' + (defined ? 'missing' : 'on an allowed statement'));
    if (['completed', 'passed', 'failed'].includes(verb) !== categories.includes(moveOn)) problems.push(where + 'moveOn category');
    if (defined && s.object.id !== activityId) problems.push(where + 'not about the AU');
    if (verb === 'passed' || verb === 'failed') {
      const r = s.result || {};
      if (r.success !== (verb === 'passed')) problems.push(where + 'result.success');
      if (!(r.score && r.score.scaled >= 0)) problems.push(where + 'no scaled score');
      if ((r.score.scaled >= lms.launchData.masteryScore) !== (verb === 'passed')) problems.push(where + 'masteryScore not honoured');
      if (Object.keys(r.extensions || {}).filter((k) => /need$/.test(k)).length !== 2) problems.push(where + 'both needs not in the result');
    }
    if (verb === 'completed' && !(s.result && s.result.completion === true)) problems.push(where + 'result.completion');
  });
  if (problems.length) fail('cmi5 statements:\n  ' + problems.join('\n  '));
  return verbs;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function probe(page) {
  // Until the runtime is up, the exported function exists but cannot run yet.
  return page.evaluate(() => {
    try {
      return JSON.parse(Module.UTF8ToString(Module._frontline_web_probe()));
    } catch (e) {
      return { screen: -1, widgets: {} };
    }
  });
}

async function waitFor(page, what, test, seconds = 30) {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const p = await probe(page);
    if (test(p)) return p;
    if (Date.now() > end) fail('timed out waiting for ' + what + ' (screen ' + p.screen + ', widgets: ' +
                               Object.keys(p.widgets).join(', ') + ')');
    await sleep(100);
  }
}

async function click(page, p, widget) {
  const r = p.widgets[widget];
  if (!r) fail('no widget "' + widget + '" on screen ' + p.screen);
  const x = (r[0] + r[2]) / 2, y = (r[1] + r[3]) / 2;
  await page.mouse.move(x, y);
  await sleep(80);
  await page.mouse.down();
  await sleep(80);
  await page.mouse.up();
  await sleep(80);
}

async function main() {
  const lrs = await serve(site);
  const origin = lrs.origin;
  const registration = crypto.randomUUID();
  const activityId = 'https://frontline.example/xapi/scenarios/cold-meal';
  const actor = { objectType: 'Agent', name: 'Web Trainee', account: { homePage: origin, name: 'web-trainee' } };
  const url = origin + '/index.html?scenario=cold-meal.yaml&endpoint=' + encodeURIComponent(origin + '/xAPI/') +
              '&fetch=' + encodeURIComponent(origin + '/cmi5/fetch') + '&registration=' + registration +
              '&activityId=' + encodeURIComponent(activityId) + '&actor=' + encodeURIComponent(JSON.stringify(actor));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--mute-audio'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // Expected: a 404 for scenarios/FILE (the test site has no scenarios beside the page)
    // and the 503s of the LRS while it is away.
    page.on('console', (m) => { if (m.type() === 'error' && !/status of (404|503)/.test(m.text())) errors.push(m.text()); });
    const started = Date.now();
    await page.goto(url);
    let p = await waitFor(page, 'the briefing', (q) => q.screen === SCREEN.briefing && q.widgets.start, 60);
    console.log('web smoke: briefing of the launched scenario on screen ' + (Date.now() - started) + ' ms after navigation');
    await click(page, p, 'start');
    const received = (verb) => lrs.statements.filter((x) => x.status < 300 && x.statement.verb.id.endsWith('/' + verb)).length;
    let turns = 0;
    for (;;) {
      p = await waitFor(page, 'an answer or the debrief',
                        (q) => q.screen === SCREEN.debrief || (q.screen === SCREEN.call && q.widgets['choice 1']));
      if (p.screen === SCREEN.debrief) break;
      if (turns === 2) {
        // Each answer goes as it is made, not at the end of the call...
        for (let i = 0; i < 50 && received('answered') < 2; ++i) await sleep(100);
        if (received('answered') < 2) fail('the answers were not sent as they were made');
        // ...and from now on the LRS is away: the rest wait in the page's queue.
        lrs.unavailable = true;
      }
      await sleep(700);  // the answers take input once a trainee could have read them
      if (turns === 1 && shots) await page.screenshot({ path: path.join(shots, 'web-call.png') });
      await click(page, p, 'choice 1');
      turns += 1;
      if (turns > 40) fail('the call did not end after 40 answers');
      await sleep(500);  // the next turn is drawn (its answers ignore input for a moment)
    }
    console.log('web smoke: played a call by clicking, ' + turns + ' answers, debrief on screen');
    if (shots) await page.screenshot({ path: path.join(shots, 'web-debrief.png') });
    if (received('completed')) fail('completed reached an LRS that answers 503');

    // The attempt was written to /data/results.db and copied to IndexedDB.
    await page.waitForFunction(() => (Module.frontlineSaved || 0) > 0, { timeout: 10000 });
    // Leaving the page ends the AU's session: what is still queued and terminated go out in
    // one request that outlives the page. Leave right after a refused retry (the page
    // waits at least a second before the next), with the LRS back.
    const refusals = lrs.posts.filter((x) => x.status === 503).length;
    for (let i = 0; i < 400 && lrs.posts.filter((x) => x.status === 503).length === refusals; ++i) await sleep(50);
    lrs.unavailable = false;
    await page.goto('about:blank');
    for (let i = 0; i < 100 && !received('terminated'); ++i) await sleep(100);
    const closing = lrs.posts[lrs.posts.length - 1];
    if (!closing || !closing.verbs || !closing.verbs[closing.verbs.length - 1].endsWith('/terminated'))
      fail('no closing request ending in terminated');
    if (closing.count < 3) fail('the closing request carried ' + closing.count + ' statements, not the queued ones');
    const verbs = checkStatements(registration, activityId);
    console.log('web smoke: the LRS received ' + verbs.length + ' statements, valid cmi5 (' + (closing.count - 1) +
                ' queued while the LRS answered 503, sent as the page closed): ' + verbs.join(' '));

    // A new page load (the plain library, no LMS) finds the result in IndexedDB.
    await page.goto(origin + '/index.html');
    p = await waitFor(page, 'the library', (q) => q.screen === SCREEN.library && q.widgets['card 0'], 60);
    if (shots) await page.screenshot({ path: path.join(shots, 'web-library.png') });
    const saved = await page.evaluate(() => { try { return Module.FS.stat('/data/results.db').size; } catch (e) { return 0; } });
    // The library offers the trainee recorded from the launch: read back from the store.
    if (!(saved > 0) || !p.widgets['trainee ' + actor.name]) fail('the results did not survive a reload (IndexedDB)');
    console.log('web smoke: results store kept across a reload (' + saved + ' bytes, trainee "' + actor.name + '" listed)');
    if (errors.length) fail('page errors: ' + errors.join(' | '));
  } finally {
    await browser.close();
    lrs.server.close();
  }
}

main().then(() => process.exit(0), (e) => fail(e.stack || String(e)));
