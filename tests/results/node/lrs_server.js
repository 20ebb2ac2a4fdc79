// A real LRS on loopback for the send test: Learning Locker's xapi-statements
// service with in-memory storage, behind a small front that checks HTTP basic
// auth and answers 503 to the first FAIL_FIRST statement POSTs (to exercise
// retry with backoff). Writes the xAPI endpoint URL to the file named by argv[2]
// once listening, and exits by itself after MAX_SECONDS (default 120).
'use strict';
const fs = require('fs');
const http = require('http');
const net = require('net');

const readyFile = process.argv[2];
const user = process.env.LRS_USER || 'trainer';
const password = process.env.LRS_PASSWORD || 'secret';
let failFirst = Number(process.env.FAIL_FIRST || 0);
const maxSeconds = Number(process.env.MAX_SECONDS || 120);
const expectedAuth = 'Basic ' + Buffer.from(user + ':' + password).toString('base64');
let statementPosts = 0;

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

async function main() {
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
  require('xapi-statements/dist/server');

  const front = http.createServer((req, res) => {
    if (req.headers.authorization !== expectedAuth) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: 'bad credentials' }));
      return;
    }
    if (req.url === '/_test/stats') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ statementPosts }));
      return;
    }
    if (req.method === 'POST' && req.url.startsWith('/xAPI/statements')) {
      statementPosts += 1;
      if (failFirst > 0) {
        failFirst -= 1;
        req.resume();
        res.writeHead(503, { 'Content-Type': 'text/plain' });
        res.end('LRS warming up');
        return;
      }
    }
    const upstream = http.request(
      { host: '127.0.0.1', port: lrsPort, method: req.method, path: req.url, headers: req.headers },
      (reply) => {
        res.writeHead(reply.statusCode, reply.headers);
        reply.pipe(res);
      });
    upstream.on('error', (e) => {
      res.writeHead(502);
      res.end(String(e));
    });
    req.pipe(upstream);
  });
  front.listen(0, '127.0.0.1', () => {
    fs.writeFileSync(readyFile, 'http://127.0.0.1:' + front.address().port + '/xAPI/');
  });
  setTimeout(() => process.exit(0), maxSeconds * 1000).unref();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
