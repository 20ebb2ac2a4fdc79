// Runs before main(): results and settings live in /data, an IndexedDB-backed folder
// that outlives the page. main() waits until the saved copy has been read back.
Module.preRun = Module.preRun || [];
Module.preRun.push(function () {
  FS.mkdir('/data');
  FS.mount(IDBFS, {}, '/data');
  addRunDependency('frontline-data');
  FS.syncfs(true, function (err) {
    if (err) console.warn('frontline: saved results could not be read: ' + err);
    removeRunDependency('frontline-data');
  });
  // An organisation's own library beside the page: scenarios/index.json lists the files
  // in scenarios/ (a course package writes both). Found, it is the library; not found,
  // the bundled one is. index.html?scenario=FILE fetches that one file the same way.
  var valid = function (f) { return typeof f === 'string' && /^[A-Za-z0-9._-]+\.ya?ml$/.test(f); };
  var fetchScenario = function (f) {
    return fetch('scenarios/' + f).then(function (reply) {
      return reply.ok ? reply.arrayBuffer() : null;
    }).then(function (bytes) {
      if (!bytes) return;
      FS.mkdirTree('/frontline/course');
      FS.writeFile('/frontline/course/' + f, new Uint8Array(bytes));
    });
  };
  var file = new URLSearchParams(location.search).get('scenario');
  addRunDependency('frontline-library');
  fetch('scenarios/index.json').then(function (reply) {
    return reply.ok ? reply.json() : [];
  }).then(function (list) {
    var files = (Array.isArray(list) ? list : []).filter(valid);
    if (valid(file) && files.indexOf(file) < 0) files.push(file);
    return Promise.all(files.map(fetchScenario));
  }).catch(function (err) {
    console.warn('frontline: the scenarios beside the page could not be read: ' + err);
  }).finally(function () { removeRunDependency('frontline-library'); });
});

// Writing to IndexedDB is asynchronous: at most one copy runs at a time, and a request
// that comes while one runs is done right after it.
(function () {
  var running = false, again = false;
  function save() {
    if (running) { again = true; return; }
    running = true;
    FS.syncfs(false, function (err) {
      running = false;
      if (err) console.warn('frontline: results could not be saved: ' + err);
      Module.frontlineSaved = (Module.frontlineSaved || 0) + 1;
      if (again) { again = false; save(); }
    });
  }
  Module.frontlineSaveSoon = function () { setTimeout(save, 0); };
  // Settings are written without a hook: catch them when the page is hidden or left.
  addEventListener('pagehide', save);
  // Launched from an LMS: the session ends with the page. Everything still queued (an
  // LRS that was away, answers not sent yet) and terminated go in one keepalive request,
  // which outlives the page; its body is at most 64 KiB, so what did not fit is noted in
  // localStorage for whoever looks after the browser (main() made the split).
  addEventListener('pagehide', function () {
    if (!Module._frontline_web_closing) return;
    var text = UTF8ToString(Module._frontline_web_closing());
    if (!text) return;
    var t = JSON.parse(text);
    fetch(t.url, { method: 'POST', keepalive: true, body: t.body,
                   headers: { 'Authorization': t.authorization, 'X-Experience-API-Version': '1.0.3',
                              'Content-Type': 'application/json' } }).catch(function () {});
    if (t.unsent.length) {
      console.warn('frontline: ' + t.unsent.length + ' statements did not fit in the closing request; kept in localStorage');
      try {
        var key = 'frontline-unsent-statements';
        var kept = JSON.parse(localStorage.getItem(key) || '[]');
        localStorage.setItem(key, JSON.stringify(kept.concat(t.unsent)));
      } catch (e) { console.warn('frontline: could not keep them: ' + e); }
    }
  });
  document.addEventListener('visibilitychange', function () { if (document.hidden) save(); });
})();

// Problems the trainee should know of (an LMS launch that failed), above the game.
Module.frontlineNotice = function (text) {
  var notice = document.getElementById('notice');
  if (!notice) return;
  notice.textContent = text;
  notice.style.display = 'block';
};
