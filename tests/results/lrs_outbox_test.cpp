// The sending policy shared by `results send` and the browser build, with a fake
// transport: no network, no browser. Statements keep their order, no answer / 429 /
// 5xx are tried again after a doubling wait, a 4xx stops or drops, batches are cut.
#include "frontline/results/lrs_outbox.hpp"
#include "frontline/results/text_escape.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <deque>

using namespace frontline::results;
using namespace std::chrono_literals;

namespace {

/// Answers each request with the next status of a script (200 once it runs out), at
/// once (like libcurl) or when the test says so (like a browser's fetch).
struct FakeTransport : LrsTransport {
    bool answer_at_once = true;
    std::deque<long> script;
    std::vector<LrsRequest> requests;
    std::vector<std::function<void(HttpReply)>> pending;

    void send(const LrsRequest& request, std::function<void(HttpReply)> done) override {
        requests.push_back(request);
        if (answer_at_once) done(next_reply());
        else pending.push_back(std::move(done));
    }
    HttpReply next_reply() {
        HttpReply r;
        r.status = 200;
        if (!script.empty()) {
            r.status = script.front();
            script.pop_front();
        }
        if (r.status == 0) r.transport_error = "Connection refused";
        return r;
    }
    void answer_next() {
        REQUIRE(!pending.empty());
        auto done = std::move(pending.front());
        pending.erase(pending.begin());
        done(next_reply());
    }
    /// The statement ids a request carried, in order.
    std::vector<std::string> ids(size_t request) const {
        std::vector<std::string> out;
        for (const auto& s : nlohmann::json::parse(requests.at(request).body))
            out.push_back(s["id"].get<std::string>());
        return out;
    }
};

/// Remembers the waits; runs the tasks when the test says (a page's timer).
struct FakeScheduler {
    std::vector<std::chrono::milliseconds> waits;
    std::vector<std::function<void()>> tasks;
    OutboxScheduler hook() {
        return [this](std::chrono::milliseconds wait, std::function<void()> what) {
            waits.push_back(wait);
            tasks.push_back(std::move(what));
        };
    }
    void run_all() {
        auto now = std::move(tasks);
        tasks.clear();
        for (auto& t : now) t();
    }
};

OutboxStatement statement(int n) {
    const std::string id =
        "00000000-0000-4000-8000-" + std::string(12 - std::to_string(n).size(), '0') + std::to_string(n);
    return {id, R"({"id":")" + id + R"(","n":)" + std::to_string(n) + "}"};
}

std::vector<std::string> ids_of(std::initializer_list<int> numbers) {
    std::vector<std::string> out;
    for (int n : numbers) out.push_back(statement(n).id);
    return out;
}

}  // namespace

TEST_CASE("outbox: nothing goes out before the LRS is known, then in order, in batches") {
    FakeTransport t;
    FakeScheduler s;
    OutboxPolicy p;
    p.batch_size = 2;
    std::vector<std::vector<std::string>> accepted;
    OutboxEvents e;
    e.accepted = [&](const OutboxBatch& b) {
        accepted.push_back(b.ids);
        return true;
    };
    StatementOutbox box(t, s.hook(), p, e);
    for (int n = 1; n <= 5; ++n) box.add(statement(n));
    CHECK(t.requests.empty());
    CHECK(box.queued() == 5);

    box.open("https://lrs.example/xAPI//", {{"Authorization", "Basic dTpw"}, {"X-Experience-API-Version", "1.0.3"}});
    REQUIRE(t.requests.size() == 3);
    CHECK(t.requests[0].url == "https://lrs.example/xAPI/statements");
    CHECK(t.requests[0].method == "POST");
    CHECK(t.requests[0].headers.at(0).second == "Basic dTpw");
    CHECK(t.ids(0) == ids_of({1, 2}));
    CHECK(t.ids(1) == ids_of({3, 4}));
    CHECK(t.ids(2) == ids_of({5}));
    CHECK(accepted == std::vector<std::vector<std::string>>{ids_of({1, 2}), ids_of({3, 4}), ids_of({5})});
    CHECK(box.idle());
    CHECK(box.requests() == 3);
    CHECK(s.waits.empty());

    box.add(statement(6));  // an open outbox sends what comes at once
    CHECK(t.ids(3) == ids_of({6}));
}

TEST_CASE("outbox: no answer, 429 and 5xx are tried again after a doubling wait, then succeed") {
    FakeTransport t;
    t.answer_at_once = false;
    t.script = {503, 0, 429, 200, 500, 200};
    FakeScheduler s;
    OutboxPolicy p;
    p.batch_size = 10;
    p.first_backoff = 1000ms;
    p.max_backoff = 3000ms;
    std::vector<std::string> retried;
    OutboxEvents e;
    e.retrying = [&](const OutboxBatch&, const HttpReply& r, std::chrono::milliseconds) {
        retried.push_back(describe(r));
    };
    StatementOutbox box(t, s.hook(), p, e);
    box.open("http://127.0.0.1:9/xAPI", {});
    box.add(statement(1));
    box.add(statement(2));  // the first request is in flight: it waits, behind statement 1
    REQUIRE(t.requests.size() == 1);
    CHECK(t.ids(0) == ids_of({1}));
    for (int i = 0; i < 3; ++i) {
        t.answer_next();  // 503, no answer, 429
        CHECK(t.pending.empty());
        s.run_all();  // the wait is over: the same batch again
    }
    CHECK(s.waits == std::vector<std::chrono::milliseconds>{1000ms, 2000ms, 3000ms});  // doubled, capped
    CHECK(retried.at(0) == "HTTP 503");
    CHECK(retried.at(1) == "Connection refused");
    REQUIRE(t.requests.size() == 4);
    for (size_t i = 0; i < 4; ++i) CHECK(t.ids(i) == ids_of({1}));
    t.answer_next();  // 200: statement 2 follows
    REQUIRE(t.requests.size() == 5);
    CHECK(t.ids(4) == ids_of({2}));
    t.answer_next();                  // 500
    CHECK(s.waits.back() == 1000ms);  // a success starts the waits over
    s.run_all();
    t.answer_next();
    CHECK(box.idle());
    CHECK(box.requests() == 6);
}

TEST_CASE("outbox: a refusal (4xx) stops the desktop's send, everything still queued") {
    FakeTransport t;
    t.script = {200, 401};
    FakeScheduler s;
    OutboxPolicy p;
    p.batch_size = 2;
    p.stop_on_refusal = true;
    std::string why;
    OutboxEvents e;
    e.failed = [&](const OutboxBatch& b, const HttpReply& r, bool dropped) {
        CHECK_FALSE(dropped);
        CHECK(b.number == 2);
        why = describe(r);
    };
    StatementOutbox box(t, s.hook(), p, e);
    for (int n = 1; n <= 5; ++n) box.add(statement(n));
    box.open("http://lrs", {});
    CHECK(why == "HTTP 401");
    CHECK(box.stopped());
    CHECK(box.queued() == 3);  // 3, 4 and 5: nothing the LRS did not accept is gone
    CHECK(t.requests.size() == 2);
    box.add(statement(6));
    CHECK(t.requests.size() == 2);
    CHECK(s.waits.empty());
}

TEST_CASE("outbox: out of tries stops, the batch kept") {
    FakeTransport t;
    t.script = {503, 503, 503};
    OutboxPolicy p;
    p.max_attempts = 3;
    p.first_backoff = 500ms;
    std::vector<std::chrono::milliseconds> slept;
    bool failed = false;
    OutboxEvents e;
    e.failed = [&](const OutboxBatch&, const HttpReply& r, bool dropped) { failed = r.status == 503 && !dropped; };
    // The desktop's scheduler: sleeps (here: notes it), then goes on at once.
    StatementOutbox box(
        t,
        [&](std::chrono::milliseconds wait, std::function<void()> what) {
            slept.push_back(wait);
            what();
        },
        p, e);
    box.add(statement(1));
    box.open("http://lrs", {});
    CHECK(failed);
    CHECK(t.requests.size() == 3);
    CHECK(slept == std::vector<std::chrono::milliseconds>{500ms, 1000ms});
    CHECK(box.queued() == 1);
}

TEST_CASE("outbox: in a page, a refused statement is dropped with the reason and the rest go on") {
    FakeTransport t;
    // The batch of three is refused; sent singly, only the second is refused.
    t.script = {400, 200, 400, 200, 200};
    FakeScheduler s;
    OutboxPolicy p;
    p.batch_size = 3;
    p.stop_on_refusal = false;
    std::vector<std::string> dropped_ids, accepted_ids;
    OutboxEvents e;
    e.accepted = [&](const OutboxBatch& b) {
        accepted_ids.insert(accepted_ids.end(), b.ids.begin(), b.ids.end());
        return true;
    };
    e.failed = [&](const OutboxBatch& b, const HttpReply& r, bool dropped) {
        CHECK(dropped);
        CHECK(r.status == 400);
        dropped_ids.insert(dropped_ids.end(), b.ids.begin(), b.ids.end());
    };
    StatementOutbox box(t, s.hook(), p, e);
    for (int n = 1; n <= 4; ++n) box.add(statement(n));  // queued while a page waits for its token
    box.open("http://lrs", {});
    CHECK(dropped_ids == ids_of({2}));
    CHECK(accepted_ids == ids_of({1, 3, 4}));
    REQUIRE(t.requests.size() == 5);
    CHECK(t.ids(0) == ids_of({1, 2, 3}));
    CHECK(t.ids(1) == ids_of({1}));
    CHECK(t.ids(2) == ids_of({2}));
    CHECK(t.ids(3) == ids_of({3}));
    CHECK(t.ids(4) == ids_of({4}));  // singly only as far as the refused batch went
    CHECK(box.idle());
    CHECK_FALSE(box.stopped());
}

TEST_CASE("outbox: take_all hands over everything not accepted, in order, and ends sending") {
    FakeTransport t;
    t.answer_at_once = false;
    FakeScheduler s;
    OutboxPolicy p;
    p.batch_size = 2;
    StatementOutbox box(t, s.hook(), p);
    box.open("http://lrs", {});
    for (int n = 1; n <= 3; ++n) box.add(statement(n));
    REQUIRE(t.pending.size() == 1);  // 1 and 2 in flight
    const auto left = box.take_all();
    REQUIRE(left.size() == 3);  // the batch in flight too: its answer may never come
    CHECK(left[0].id == statement(1).id);
    CHECK(left[2].id == statement(3).id);
    t.answer_next();  // a late answer changes nothing
    CHECK(box.queued() == 0);
    CHECK(t.requests.size() == 1);
    box.add(statement(4));
    CHECK(t.requests.size() == 1);
}

TEST_CASE("text escaping for HTML, XML and URLs") {
    CHECK(html_escaped("<b>\"Bo\" & 'Al'</b>") == "&lt;b&gt;&quot;Bo&quot; &amp; &#39;Al&#39;&lt;/b&gt;");
    CHECK(percent_encoded("a b/c?d=é~_.-") == "a%20b%2Fc%3Fd%3D%C3%A9~_.-");
    CHECK(percent_decoded("a%20b+c%2fd%C3%A9") == "a b c/dé");
    CHECK(percent_decoded("100%") == "100%");
    CHECK(percent_decoded("%4") == "%4");
    CHECK(percent_decoded("%zz%41") == "%zzA");
    CHECK(percent_decoded(percent_encoded(R"({"name":"Zoë & co"})")) == R"({"name":"Zoë & co"})");
    CHECK(without_trailing_slashes("https://lrs.example/xAPI//") == "https://lrs.example/xAPI");
    CHECK(without_trailing_slashes("///").empty());
    CHECK(without_trailing_slashes("http://x") == "http://x");
}
