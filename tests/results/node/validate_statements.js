// Validates xAPI statements (one JSON object per line) with Learning Locker's
// validator, plus the promises docs/results.md makes beyond the spec.
// Usage: node validate_statements.js FILE   -> exit 0 when every statement passes.
'use strict';
const fs = require('fs');
const validate = require('xapi-validation').default;

const file = process.argv[2];
const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
const timestampWithZone = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const verbs = {};
let failures = 0;

lines.forEach((line, index) => {
  const problems = [];
  let statement;
  try {
    statement = JSON.parse(line);
  } catch (e) {
    problems.push('not JSON: ' + e.message);
  }
  if (statement) {
    // The validator returns its warnings (an empty list for a valid statement).
    const warnings = validate(statement);
    if (!Array.isArray(warnings)) problems.push('the validator returned no warning list');
    else problems.push(...warnings.map((w) => w.path.join('.') + ': ' + w.name));
    if (!timestampWithZone.test(statement.timestamp || '')) problems.push('timestamp without a time zone');
    if (!uuid.test(statement.id || '')) problems.push('id is not a UUID v4');
    if (!uuid.test((statement.context || {}).registration || '')) problems.push('no UUID v4 registration');
    if (!statement.actor || !statement.actor.account) problems.push('actor is not an account');
    const score = (statement.result || {}).score;
    if (score && !(score.scaled >= 0 && score.scaled <= 1)) problems.push('score.scaled outside [0, 1]');
    const verb = statement.verb.id.split('/').pop();
    verbs[verb] = (verbs[verb] || 0) + 1;
  }
  if (problems.length) {
    failures += 1;
    console.log('statement ' + (index + 1) + ': ' + problems.join('; '));
  }
});

const summary = Object.keys(verbs).sort().map((v) => v + ' ' + verbs[v]).join(', ');
console.log(lines.length + ' statements (' + summary + '): ' + (lines.length - failures) + ' passed, ' + failures + ' failed');
process.exit(failures === 0 && lines.length > 0 ? 0 : 1);
