// The phone's side of the class vote: join with the room code, pick a team when
// teams take turns, then wait for decisions (long poll), vote, and keep going
// through sleep and Wi-Fi drops.
// Every text from the server is set with textContent: nothing is parsed as HTML.
"use strict";
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var store = {
    get: function (k) { try { return localStorage.getItem("frontline." + k); } catch (e) { return null; } },
    set: function (k, v) { try { localStorage.setItem("frontline." + k, v); } catch (e) { /* private mode */ } },
    drop: function (k) { try { localStorage.removeItem("frontline." + k); } catch (e) { /* private mode */ } }
  };
  var token = store.get("token");
  var version = 0;
  var shown = { turn: -1, state: "" };  // what the options on screen were built for
  var myVote = 0;
  var waiter = null;      // the AbortController of the long poll in flight
  var failures = 0;
  var pollTimer = null;
  var teams = [];         // the room's teams in order (empty: the whole room votes together)
  var myTeam = -1;        // 0-based, as the room knows it
  var picking = false;    // the team picker is on screen

  function hashCode() { return decodeURIComponent((location.hash || "").replace(/^#/, "")).replace(/[^A-Za-z0-9]/g, "").toUpperCase(); }

  function showJoin(message) {
    $("vote").hidden = true;
    $("team").hidden = true;
    picking = false;
    $("join").hidden = false;
    $("join-error").textContent = message || "";
    var code = hashCode() || store.get("code") || "";
    if (!$("code").value) $("code").value = code;
    $("nickname").value = $("nickname").value || store.get("nickname") || "";
    $("join-button").disabled = false;
  }

  function connection(text) {
    $("connection").hidden = !text;
    $("connection").textContent = text || "";
  }

  function request(method, path, body, timeoutMs) {
    var ctl = new AbortController();
    var timer = setTimeout(function () { ctl.abort(); }, timeoutMs);
    var options = { method: method, signal: ctl.signal, cache: "no-store", headers: {} };
    if (body !== undefined) {
      options.body = JSON.stringify(body);
      options.headers["Content-Type"] = "application/json";
    }
    var p = fetch(path, options).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) { return { status: res.status, data: data }; });
    });
    p.controller = ctl;
    p.finally(function () { clearTimeout(timer); });
    return p;
  }

  function join(code, nickname, automatic) {
    $("join-button").disabled = true;
    return request("POST", "api/join", { code: code, nickname: nickname }, 10000).then(function (r) {
      if (r.status === 200 && r.data.token) {
        token = r.data.token;
        store.set("token", token);
        store.set("code", code);
        store.set("nickname", nickname);
        version = 0;
        shown = { turn: -1, state: "" };
        $("room").textContent = code;
        $("join").hidden = true;
        $("vote").hidden = false;
        connection("");
        teams = r.data.teams || [];
        myTeam = -1;
        var before = Number(store.get("team"));
        var sameTeams = store.get("teams") === JSON.stringify(teams);
        store.set("teams", JSON.stringify(teams));
        if (teams.length && sameTeams && before >= 0 && before < teams.length) pickTeam(before, true);
        else if (teams.length) showTeams();
        poll();
        return true;
      }
      if (automatic) return false;
      showJoin(r.data.message || "Could not join (" + r.status + ").");
      return false;
    }, function () {
      if (!automatic) showJoin("No connection to the room. Are you on the room's Wi-Fi?");
      return false;
    });
  }

  // The phone was dropped (removed, or the game restarted): join again with the
  // same code if it still works, else ask.
  function rejoin(message) {
    token = null;
    store.drop("token");
    stopPoll();
    var code = store.get("code");
    if (!code) { showJoin(message); return; }
    join(code, store.get("nickname") || "", true).then(function (ok) { if (!ok) showJoin(message); });
  }

  // Removed by the facilitator: no automatic way back in.
  function removed(message) {
    token = null;
    store.drop("token");
    store.drop("code");
    store.drop("team");
    stopPoll();
    $("code").value = "";
    showJoin(message || "The facilitator removed this phone from the room.");
  }

  // Teams take turns: a large button per team; the pick is kept with the token.
  function showTeams(message) {
    picking = true;
    $("vote").hidden = true;
    $("join").hidden = true;
    $("team").hidden = false;
    $("team-error").textContent = message || "";
    var list = $("teams");
    list.textContent = "";
    teams.forEach(function (name, i) {
      var li = document.createElement("li");
      var b = document.createElement("button");
      b.type = "button";
      b.dataset.team = String(i);
      b.textContent = name;
      if (i === myTeam) b.classList.add("chosen");
      b.addEventListener("click", function () { pickTeam(i, false); });
      li.appendChild(b);
      list.appendChild(li);
    });
  }

  function showVote() {
    picking = false;
    $("team").hidden = true;
    $("vote").hidden = false;
  }

  function pickTeam(i, automatic) {
    return request("POST", "api/team", { token: token, team: i }, 8000).then(function (r) {
      if (r.status === 200) {
        myTeam = i;
        store.set("team", String(i));
        showTeam();
        showVote();
        shown = { turn: -1, state: "" };  // the buttons' state depends on whose turn it is
        pollSoon(0);
      } else if (r.status === 401) {
        rejoin("You are no longer in the room. Join again with the code on the projector.");
      } else if (r.status === 403 && r.data.error === "removed") {
        removed(r.data.message);
      } else if (!automatic) {
        showTeams(r.data.message || "Could not pick the team (" + r.status + ").");
      } else {
        showTeams();
      }
    }, function () {
      if (!automatic) showTeams("No connection to the room. Try again.");
      else showTeams();
    });
  }

  function showTeam() {
    $("my-team").hidden = !teams.length || myTeam < 0;
    $("team-name").textContent = myTeam >= 0 && myTeam < teams.length ? teams[myTeam] : "";
  }

  function stopPoll() {
    if (pollTimer) { clearTimeout(pollTimer); pollTimer = null; }
    if (waiter) { waiter.abort(); waiter = null; }
  }

  function pollSoon(ms) {
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = setTimeout(poll, ms);
  }

  function poll() {
    pollTimer = null;
    if (!token) return;
    if (waiter) waiter.abort();
    var p = request("GET", "api/state?token=" + encodeURIComponent(token) + "&since=" + version, undefined, 30000);
    var mine = p.controller;
    waiter = mine;
    p.then(function (r) {
      if (waiter !== mine) return;  // superseded
      waiter = null;
      if (r.status === 200) {
        failures = 0;
        connection("");
        render(r.data);
        pollSoon(0);
      } else if (r.status === 401) {
        rejoin("You are no longer in the room. Join again with the code on the projector.");
      } else if (r.status === 403 && r.data.error === "removed") {
        removed(r.data.message);
      } else {
        retry();
      }
    }, function () {
      if (waiter !== mine) return;
      waiter = null;
      retry();
    });
  }

  function retry() {
    failures += 1;
    if (failures > 1) connection("Reconnecting to the room…");
    pollSoon(Math.min(5000, 500 * Math.pow(2, failures - 1)));
  }

  function status(text, kind) {
    var s = $("status");
    s.textContent = text;
    s.className = "status" + (kind ? " " + kind : "");
  }

  function render(d) {
    version = d.version;
    if (typeof d.my_vote === "number") myVote = d.my_vote;
    teams = d.teams || [];
    if (typeof d.my_team === "number") myTeam = d.my_team;
    showTeam();
    if (teams.length && myTeam < 0 && !picking) showTeams();
    // Teams take turns: another team's decision is shown, not voted on.
    var otherTeam = teams.length && d.turn_team >= 0 && d.turn_team !== myTeam;
    var onSeat = otherTeam ? teams[d.turn_team] || "another team" : "";
    $("call-title").textContent = d.title || "";
    $("line").textContent = d.line || "";
    $("line").hidden = !d.line;
    var list = $("options");
    if (d.state === "waiting" || !d.options) {
      list.textContent = "";
      shown = { turn: d.turn, state: d.state };
      $("result").hidden = true;
      status("Waiting for the next decision…");
      return;
    }
    var key = d.state + (otherTeam ? "/other" : "");
    if (shown.turn !== d.turn || shown.state !== key) {
      list.textContent = "";
      d.options.forEach(function (text, i) {
        var li = document.createElement("li");
        var b = document.createElement("button");
        b.type = "button";
        b.dataset.option = String(i + 1);
        var n = document.createElement("span");
        n.className = "number";
        n.textContent = String(i + 1);
        var t = document.createElement("span");
        t.className = "text";
        t.textContent = text;
        b.appendChild(n);
        b.appendChild(t);
        if (d.split) {
          var c = document.createElement("span");
          c.className = "count";
          c.textContent = String(d.split[i]);
          b.appendChild(c);
          if (d.winner === i + 1) b.classList.add("winner");
        }
        b.disabled = d.state !== "open" || otherTeam;
        b.addEventListener("click", function () { vote(d.turn, i + 1); });
        li.appendChild(b);
        list.appendChild(li);
      });
      shown = { turn: d.turn, state: key };
    }
    mark();
    if (otherTeam && d.state !== "revealed") {
      status("It's " + onSeat + "'s turn. Your team votes on its own turn.", "other-team");
      $("result").hidden = true;
      return;
    }
    if (d.state === "open") status(myVote ? "Counted ✓ You can change it until the vote is locked." : "Tap your answer.", myVote ? "counted" : "");
    else if (d.state === "locked") status(myVote ? "Votes are locked. Yours is counted ✓" : "Votes are locked.", "closed");
    if (d.state === "revealed") {
      status("The room has voted.", "closed");
      var r = $("result");
      r.hidden = false;
      r.textContent = d.winner ? "The room goes with option " + d.winner + (d.tie_broken ? " (a tie: the option listed first goes ahead)." : ".") : "Nobody voted.";
    } else {
      $("result").hidden = true;
    }
  }

  function mark() {
    var buttons = $("options").querySelectorAll("button");
    for (var i = 0; i < buttons.length; i++) buttons[i].classList.toggle("chosen", Number(buttons[i].dataset.option) === myVote);
  }

  function vote(turn, option) {
    var before = myVote;
    myVote = option;  // shown at once; undone if the room says no
    mark();
    status("Sending…");
    request("POST", "api/vote", { token: token, turn: turn, option: option }, 8000).then(function (r) {
      if (r.status === 200) {
        status("Counted ✓ You can change it until the vote is locked.", "counted");
      } else if (r.status === 401) {
        rejoin("You are no longer in the room. Join again with the code on the projector.");
      } else if (r.status === 403 && r.data.error === "removed") {
        removed(r.data.message);
      } else if (r.data.error === "no-team") {
        myVote = before;
        mark();
        showTeams(r.data.message);
      } else if (r.data.error === "wrong-team") {
        myVote = before;  // not counted: it is another team's turn
        mark();
        status(r.data.message, "other-team");
        pollSoon(0);
      } else {
        myVote = before;
        mark();
        status(r.data.message || "Not counted; try again.", "");
        pollSoon(0);
      }
    }, function () {
      myVote = before;
      mark();
      status("Not sent: no connection. Tap again when the connection is back.", "");
      retry();
    });
  }

  $("change-team").addEventListener("click", function () { showTeams(); });

  $("join-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var code = $("code").value.replace(/[^A-Za-z0-9]/g, "").toUpperCase();
    if (!code) { showJoin("Type the room code shown on the projector."); return; }
    join(code, $("nickname").value.trim(), false);
  });

  // Back from sleep, a locked screen or a Wi-Fi drop: ask at once rather than
  // wait for a poll the phone may have frozen.
  function wake() { if (token && !document.hidden) { failures = 0; poll(); } }
  document.addEventListener("visibilitychange", wake);
  window.addEventListener("online", wake);
  window.addEventListener("pageshow", function (e) { if (e.persisted) wake(); });

  if (token && (!hashCode() || hashCode() === store.get("code"))) {
    $("room").textContent = store.get("code") || "";
    $("vote").hidden = false;
    status("Connecting…");
    poll();
  } else {
    token = null;
    showJoin("");
  }
})();
