// Prints how many statements the LRS at argv[2] holds, and exits non-zero if any
// fails Learning Locker's validator. Usage: node count_statements.js URL USER PASSWORD
'use strict';
const http = require('http');
const validate = require('xapi-validation').default;
const [url, user, password] = process.argv.slice(2);
const auth = 'Basic ' + Buffer.from(user + ':' + password).toString('base64');
http.get(url.replace(/\/?$/, '/') + 'statements?limit=10000',
  { headers: { Authorization: auth, 'X-Experience-API-Version': '1.0.3' } }, (res) => {
    let body = '';
    res.on('data', (d) => { body += d; });
    res.on('end', () => {
      const statements = JSON.parse(body).statements;
      const invalid = statements.filter((s) => validate(s).length > 0).length;
      console.log(statements.length + ' statements stored, ' + invalid + ' invalid');
      process.exit(invalid === 0 ? 0 : 1);
    });
  }).on('error', (e) => { console.error(e.message); process.exit(1); });
