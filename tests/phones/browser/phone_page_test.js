// The phone page as a phone sees it: headless Chromium at 390x844 against a real
// vote room on loopback (room_driver). Each step waits for what a person would
// see, with a deadline, and fails with the page's text when it does not come.
"use strict";
const puppeteer = require("puppeteer-core");
const { spawn } = require("child_process");
const readline = require("readline");
const path = require("path");

const [driverPath, pagesDir, shotsDir] = process.argv.slice(2);

class Room {
  constructor() {
    this.proc = spawn(driverPath, [pagesDir], { stdio: ["pipe", "pipe", "inherit"] });
    this.lines = [];
    this.waiters = [];
    readline.createInterface({ input: this.proc.stdout }).on("line", (l) => {
      const w = this.waiters.shift();
      if (w) w(l); else this.lines.push(l);
    });
  }
  next() {
    if (this.lines.length) return Promise.resolve(this.lines.shift());
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error("the room driver did not answer")), 10000);
      this.waiters.push((l) => { clearTimeout(t); resolve(l); });
    });
  }
  async send(cmd) {
    this.proc.stdin.write(cmd + "\n");
    const reply = await this.next();
    if (!reply.startsWith("ok")) throw new Error(`room: ${cmd} -> ${reply}`);
    return reply.slice(3).trim();
  }
}

function step(name) { console.log("- " + name); }

async function main() {
  const room = new Room();
  const [, port, code] = (await room.next()).split(" ");
  const base = `http://127.0.0.1:${port}/`;
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  let page;
  try {
    page = await browser.newPage();
    await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    const text = (sel) => page.$eval(sel, (e) => e.textContent);
    const waitText = async (sel, wanted, what) => {
      try {
        await page.waitForFunction((s, w) => {
          const e = document.querySelector(s);
          return e && !e.closest("[hidden]") && e.textContent.includes(w);
        }, { timeout: 10000 }, sel, wanted);
      } catch (e) {
        const body = await page.evaluate(() => document.body.innerText);
        throw new Error(`${what}: '${wanted}' never appeared in ${sel}; the page shows:\n${body}`);
      }
    };
    const options = () => page.$$eval("#options button", (bs) => bs.length);

    step("the QR code's address opens the join form with the code filled in");
    await page.goto(base + "#" + code, { waitUntil: "load" });
    await page.waitForSelector("#join:not([hidden])");
    if ((await page.$eval("#code", (e) => e.value)) !== code) throw new Error("the code is not filled in");
    await page.type("#nickname", "Ana");
    await page.screenshot({ path: path.join(shotsDir, "phone-join.png") });

    step("joins and waits for the first decision");
    await page.tap("#join-button");
    await waitText("#status", "Waiting for the next decision", "after joining");
    if ((await room.send("phones")) !== "1") throw new Error("the room did not count the phone");

    step("the decision arrives by itself, its text shown as text");
    await room.send("open 3");
    await waitText("#status", "Tap your answer", "the first decision");
    if ((await options()) !== 3) throw new Error("expected 3 options");
    const line = await text("#line");
    if (!line.includes("<b>cold</b> & I have")) throw new Error("the customer's line was not shown as text: " + line);
    if (await page.$("#line b")) throw new Error("markup in the customer's line was parsed");

    step("votes and sees it counted");
    await page.tap("#options li:nth-child(2) button");
    await waitText("#status", "Counted ✓", "the acknowledgement");
    if ((await room.send("counts")) !== "0 1 0") throw new Error("the room did not count option 2");
    await page.screenshot({ path: path.join(shotsDir, "phone-vote.png") });

    step("changes its vote");
    await page.tap("#options li:nth-child(1) button");
    await waitText("#status", "Counted ✓", "the changed vote");
    await page.waitForSelector("#options li:nth-child(1) button.chosen");
    if ((await room.send("counts")) !== "1 0 0") throw new Error("the change was not counted");

    step("the facilitator locks, then reveals");
    await room.send("lock");
    await waitText("#status", "Votes are locked", "the lock");
    if (!(await page.$eval("#options li:nth-child(2) button", (b) => b.disabled))) throw new Error("options stay enabled when locked");
    await room.send("reveal");
    await waitText("#result", "The room goes with option 1", "the reveal");
    await page.screenshot({ path: path.join(shotsDir, "phone-reveal.png") });

    step("the next decision arrives by itself");
    await room.send("open 4");
    await waitText("#status", "Tap your answer", "the second decision");
    if ((await options()) !== 4) throw new Error("expected 4 options");
    await waitText("#line", "Turn 2", "the second decision's line");

    step("Wi-Fi drops while the next decision opens; it arrives when the network is back");
    await page.setOfflineMode(true);
    await room.send("open 2");
    await new Promise((r) => setTimeout(r, 1500));
    await page.setOfflineMode(false);
    await waitText("#line", "Turn 3", "after the Wi-Fi came back");
    if ((await options()) !== 2) throw new Error("expected 2 options after reconnecting");

    step("the game stops: the page says it is reconnecting; the game is back: it joins again by itself");
    await room.send("stop");
    await waitText("#connection", "Reconnecting", "while the server is down");
    await page.screenshot({ path: path.join(shotsDir, "phone-reconnecting.png") });
    await room.send("start");
    await waitText("#status", "Waiting for the next decision", "after the server came back");
    if ((await room.send("phones")) !== "1") throw new Error("the phone did not join the restarted room");
    await room.send("open 3");
    await waitText("#status", "Tap your answer", "a decision in the restarted room");
    await page.tap("#options li:nth-child(3) button");
    await waitText("#status", "Counted ✓", "a vote in the restarted room");
    if ((await room.send("counts")) !== "0 0 1") throw new Error("the vote in the restarted room was not counted");

    step("teams take turns: the phone picks its team, another team's turn is shown but not voted on");
    await room.send("teams Reds Blues");
    await room.send("open 3 0");
    await page.waitForSelector("#team:not([hidden])");
    if ((await page.$$eval("#teams button", (bs) => bs.map((b) => b.textContent)).then((t) => t.join(","))) !== "Reds,Blues")
      throw new Error("the team picker does not list the room's teams in order");
    await page.screenshot({ path: path.join(shotsDir, "phone-team.png") });
    await page.tap("#teams li:nth-child(2) button");
    await waitText("#team-name", "Blues", "the picked team");
    await waitText("#status", "It's Reds's turn", "another team's turn");
    if (!(await page.$eval("#options li:nth-child(1) button", (b) => b.disabled))) throw new Error("another team's turn takes votes");
    if ((await room.send("team-counts")) !== "0 1 0") throw new Error("the room did not count the phone in Blues");
    await page.screenshot({ path: path.join(shotsDir, "phone-other-team.png") });

    step("Blues' turn: it votes, and a reload keeps the team");
    await room.send("open 3 1");
    await waitText("#status", "Tap your answer", "its own team's turn");
    await page.tap("#options li:nth-child(2) button");
    await waitText("#status", "Counted ✓", "a vote on its team's turn");
    if ((await room.send("counts")) !== "0 1 0") throw new Error("the team's vote was not counted");
    await page.reload({ waitUntil: "load" });
    await waitText("#team-name", "Blues", "the team after a reload");

    step("changes team: back to the picker, and Reds' turn is its own");
    await page.tap("#change-team");
    await page.waitForSelector("#team:not([hidden])");
    await page.tap("#teams li:nth-child(1) button");
    await waitText("#team-name", "Reds", "the changed team");
    if ((await room.send("team-counts")) !== "1 0 0") throw new Error("the team change was not counted");
    await room.send("open 2 0");
    await waitText("#status", "Tap your answer", "Reds' turn after the change");

    step("removed by the facilitator: told so, and not back in by itself");
    await room.send("remove-all");
    await waitText("#join-error", "removed", "after removal");
    await new Promise((r) => setTimeout(r, 1000));
    if ((await room.send("phones")) !== "0") throw new Error("a removed phone joined again by itself");

    console.log("phone page: all steps passed");
  } finally {
    await browser.close();
    room.proc.stdin.end("quit\n");
  }
}

main().catch((e) => { console.error(e.message || e); process.exit(1); });
