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
  // index.html?scenario=FILE: a course package (or an organisation's own library) keeps
  // its scenarios in scenarios/ beside the page; one found there wins over the bundled one.
  var file = new URLSearchParams(location.search).get('scenario');
  if (file && /^[A-Za-z0-9._-]+\.ya?ml$/.test(file)) {
    addRunDependency('frontline-scenario');
    fetch('scenarios/' + file).then(function (reply) {
      return reply.ok ? reply.arrayBuffer() : null;
    }).then(function (bytes) {
      if (bytes) {
        FS.mkdirTree('/frontline/course');
        FS.writeFile('/frontline/course/' + file, new Uint8Array(bytes));
      }
    }).catch(function () {}).finally(function () { removeRunDependency('frontline-scenario'); });
  }
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
  // Launched from an LMS: the session ends with the page. A keepalive request outlives it.
  addEventListener('pagehide', function () {
    if (!Module._frontline_web_terminated) return;
    var text = UTF8ToString(Module._frontline_web_terminated());
    if (!text) return;
    var t = JSON.parse(text);
    fetch(t.url, { method: 'POST', keepalive: true, body: JSON.stringify(t.statement),
                   headers: { 'Authorization': t.authorization, 'X-Experience-API-Version': '1.0.3',
                              'Content-Type': 'application/json' } });
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
