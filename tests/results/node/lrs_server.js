// A real LRS on loopback for the send tests: Learning Locker's xapi-statements service
// with in-memory storage, behind a small front that checks HTTP basic auth, can answer
// 503 to statement POSTs (to exercise retry with backoff) and keeps the statements it
// was sent, in order.
//   node lrs_server.js READY_FILE     the CLI's send test (tests/results/lrs_send.sh):
//                                     writes the xAPI endpoint URL to READY_FILE once
//                                     listening; LRS_USER, LRS_PASSWORD, FAIL_FIRST (503
//                                     to the first N statement POSTs), MAX_SECONDS (exits
//                                     by itself after, default 120)
//   require('.../lrs_server.js').start(options)   the browser test (tests/web/smoke.js):
//                                     the same LRS, with routes of its own in front
'use strict';
const fs = require('fs');
const http = require('http');
const net = require('net');
const path = require('path');

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const port = probe.address().port;
      probe.close(() => resolve(port));
    });
  });
}

let upstreamStarted = null;
async function startUpstream() {
  if (upstreamStarted) return upstreamStarted;
  const lrsPort = await freePort();
  // xapi-statements reads its configuration from the environment when first required.
  Object.assign(process.env, {
    EXPRESS_PORT: String(lrsPort),
    MODELS_REPO: 'memory',
    STORAGE_REPO: 'memory',
    AUTH_REPO: 'test',
    EVENTS_REPO: 'test',
    WINSTON_CONSOLE_LEVEL: 'error',
    EXPRESS_MORGAN_DIRECTORY: fs.mkdtempSync('/tmp/frontline-lrs-logs-'),
  });
  require(path.join(__dirname, 'node_modules', 'xapi-statements', 'dist', 'server'));
  upstreamStarted = lrsPort;
  return lrsPort;
}

// options: authorization ('Basic ...', checked on /xAPI/), failFirst (503 to the first N
// statement POSTs), routes(req, res, url) (answers and returns true for paths of its
// own, before the auth check). The returned control: url (the xAPI endpoint), server,
// statements (every statement POSTed, in order, with the HTTP status it got back),
// posts (each statement POST: status and how many statements), unavailable (set true:
// 503 to every statement POST), lastRefusal (Date.now() of the latest 503).
async function start(options) {
  const lrsPort = await startUpstream();
  const control = { statements: [], posts: [], unavailable: false, lastRefusal: 0, statementPosts: 0 };
  let failFirst = options.failFirst || 0;
  const front = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (options.routes && options.routes(req, res, url)) return;
    if (req.headers.authorization !== options.authorization) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: 'bad credentials' }));
      return;
    }
    if (url.pathname === '/_test/stats') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ statementPosts: control.statementPosts }));
      return;
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const isPost = req.method === 'POST' && url.pathname === '/xAPI/statements';
      let sent = [];
      if (isPost) {
        control.statementPosts += 1;
        try {
          const parsed = JSON.parse(body.toString('utf8'));
          sent = Array.isArray(parsed) ? parsed : [parsed];
        } catch (e) {
          sent = [];
        }
        if (failFirst > 0 || control.unavailable) {
          if (failFirst > 0) failFirst -= 1;
          control.posts.push({ status: 503, count: sent.length });
          control.lastRefusal = Date.now();
          res.writeHead(503, { 'Content-Type': 'text/plain' });
          res.end('LRS warming up');
          return;
        }
      }
      const upstream = http.request(
        { host: '127.0.0.1', port: lrsPort, method: req.method, path: req.url, headers: req.headers },
        (reply) => {
          if (isPost) {
            control.posts.push({ status: reply.statusCode, count: sent.length, verbs: sent.map((s) => (s.verb || {}).id) });
            for (const s of sent) control.statements.push({ statement: s, status: reply.statusCode });
          }
          res.writeHead(reply.statusCode, reply.headers);
          reply.pipe(res);
        });
      upstream.on('error', (e) => {
        res.writeHead(502);
        res.end(String(e));
      });
      upstream.end(body);
    });
  });
  await new Promise((resolve) => front.listen(0, '127.0.0.1', resolve));
  control.server = front;
  control.origin = 'http://127.0.0.1:' + front.address().port;
  control.url = control.origin + '/xAPI/';
  return control;
}

module.exports = { start };

if (require.main === module) {
  const readyFile = process.argv[2];
  const user = process.env.LRS_USER || 'trainer';
  const password = process.env.LRS_PASSWORD || 'secret';
  const maxSeconds = Number(process.env.MAX_SECONDS || 120);
  start({ authorization: 'Basic ' + Buffer.from(user + ':' + password).toString('base64'),
          failFirst: Number(process.env.FAIL_FIRST || 0) })
    .then((lrs) => {
      fs.writeFileSync(readyFile, lrs.url);
      setTimeout(() => process.exit(0), maxSeconds * 1000).unref();
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
