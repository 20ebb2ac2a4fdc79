#include "cmi5_launch.hpp"

#include "frontline/results/text_escape.hpp"
#include "frontline/results/uuid.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/fetch.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>

namespace frontline::web {

namespace {

using results::HttpReply;
using results::percent_encoded;
using results::without_trailing_slashes;

std::string now_utc() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
    return buf;
}

double seconds_now() { return emscripten_get_now() / 1000.0; }

/// The page shows launch problems above the game (it goes on without the LMS).
void show_notice(const std::string& text) {
    std::fprintf(stderr, "frontline: %s\n", text.c_str());
    EM_ASM(
        {
            if (Module.frontlineNotice) Module.frontlineNotice(UTF8ToString($0));
        },
        text.c_str());
}

/// One request in flight: owns the strings emscripten_fetch points into.
struct PendingFetch {
    std::string body;
    std::vector<std::string> header_text;
    std::vector<const char*> headers;
    std::function<void(HttpReply)> done;
};

// emscripten_fetch reports 2xx to onsuccess and the rest to onerror: one handler.
void fetch_done(emscripten_fetch_t* fetch) {
    std::unique_ptr<PendingFetch> r(static_cast<PendingFetch*>(fetch->userData));
    HttpReply reply;
    reply.status = fetch->status;
    if (fetch->data && fetch->numBytes > 0) reply.body.assign(fetch->data, static_cast<size_t>(fetch->numBytes));
    if (reply.status == 0) reply.transport_error = "no answer (the network or the LRS is away)";
    emscripten_fetch_close(fetch);
    r->done(std::move(reply));
}

/// The outbox's waits: a timer on the page's event loop.
void run_later(std::chrono::milliseconds wait, std::function<void()> what) {
    auto* task = new std::function<void()>(std::move(what));
    emscripten_async_call(
        [](void* p) {
            std::unique_ptr<std::function<void()>> t(static_cast<std::function<void()>*>(p));
            (*t)();
        },
        task, static_cast<int>(wait.count()));
}

results::OutboxPolicy page_policy() {
    results::OutboxPolicy p;
    p.batch_size = 20;
    p.max_attempts = 0;  // a page keeps trying while it is open (1, 2, 4 ... 30 s)
    p.first_backoff = std::chrono::seconds(1);
    p.max_backoff = std::chrono::seconds(30);
    p.stop_on_refusal = false;  // one refused statement must not hold back the rest
    return p;
}

}  // namespace

void FetchTransport::send(const results::LrsRequest& request, std::function<void(HttpReply)> done) {
    auto* r = new PendingFetch{request.body, {}, {}, std::move(done)};
    for (const auto& [name, value] : request.headers) {
        r->header_text.push_back(name);
        r->header_text.push_back(value);
    }
    if (request.method == "POST") {
        r->header_text.push_back("Content-Type");
        r->header_text.push_back("application/json");
    }
    for (const std::string& h : r->header_text) r->headers.push_back(h.c_str());
    r->headers.push_back(nullptr);
    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, request.method.c_str(), sizeof attr.requestMethod - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY | EMSCRIPTEN_FETCH_REPLACE;
    attr.requestHeaders = r->headers.data();
    if (!r->body.empty()) {
        attr.requestData = r->body.data();
        attr.requestDataSize = r->body.size();
    }
    attr.timeoutMSecs = 30000;
    attr.userData = r;
    attr.onsuccess = fetch_done;
    attr.onerror = fetch_done;
    emscripten_fetch(&attr, request.url.c_str());
}

Cmi5Launch::Cmi5Launch(results::cmi5::LaunchParameters launch)
    : outbox_(transport_, run_later, page_policy(),
              results::OutboxEvents{
                  {},
                  [](const results::OutboxBatch& b, const HttpReply& reply, std::chrono::milliseconds wait) {
                      std::fprintf(stderr, "frontline: the LRS did not take %zu statements (%s); again in %lld ms\n",
                                   b.ids.size(), results::describe(reply).c_str(),
                                   static_cast<long long>(wait.count()));
                  },
                  [this](const results::OutboxBatch&, const HttpReply& reply, bool) {
                      fail("The LRS refused a statement (" + results::describe(reply).substr(0, 300) + ").");
                  }}) {
    session_.launch = std::move(launch);
    started_ = seconds_now();
    results::LrsRequest token;
    token.url = session_.launch.fetch;
    transport_.send(token, [this](HttpReply reply) { token_answered(reply); });
}

void Cmi5Launch::token_answered(const HttpReply& reply) {
    if (reply.status != 200)
        return fail("The LMS did not give a launch token (" + results::describe(reply).substr(0, 300) + ").");
    std::string error;
    auto token = results::cmi5::parse_fetch_reply(reply.body, error);
    if (!token) return fail(error);
    authorization_ = "Basic " + *token;
    results::LrsRequest state;
    state.method = "GET";
    state.url = without_trailing_slashes(session_.launch.endpoint) +
                "/activities/state?stateId=LMS.LaunchData&activityId=" + percent_encoded(session_.launch.activity_id) +
                "&agent=" + percent_encoded(session_.launch.actor) +
                "&registration=" + percent_encoded(session_.launch.registration);
    state.headers = {{"Authorization", authorization_}, {"X-Experience-API-Version", "1.0.3"}};
    transport_.send(state, [this](HttpReply r) { launch_data_answered(r); });
}

void Cmi5Launch::launch_data_answered(const HttpReply& reply) {
    if (reply.status != 200)
        return fail("The LMS's launch data could not be read (" + results::describe(reply).substr(0, 300) + ").");
    std::string error;
    auto data = results::cmi5::parse_launch_data(reply.body, error);
    if (!data) return fail(error);
    session_.data = *data;
    // The LMS's session id (in its context template) when it made one, else ours.
    session_.session_id = results::random_uuid().value_or("");
    if (!data->context_template.empty()) {
        const nlohmann::json t = nlohmann::json::parse(data->context_template, nullptr, false);
        const char* key = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
        if (t.is_object() && t.contains("extensions") && t["extensions"].contains(key) &&
            t["extensions"][key].is_string())
            session_.session_id = t["extensions"][key].get<std::string>();
    }
    ready_ = true;
    std::vector<std::string> first{results::cmi5::initialized_statement(session_, now_utc())};
    // Made before the launch was ready (not expected: the game waits for nothing).
    first.insert(first.end(), before_ready_.begin(), before_ready_.end());
    before_ready_.clear();
    queue(first);
    outbox_.open(session_.launch.endpoint, {{"Authorization", authorization_}, {"X-Experience-API-Version", "1.0.3"}});
}

void Cmi5Launch::queue(const std::vector<std::string>& statements) {
    if (closed_) return;
    for (const std::string& s : statements) {
        if (!ready_) {
            before_ready_.push_back(s);
            continue;
        }
        const nlohmann::json st = nlohmann::json::parse(s, nullptr, false);
        outbox_.add({st.is_object() && st.contains("id") ? st["id"].get<std::string>() : std::string(), s});
    }
}

void Cmi5Launch::choice_saved(const results::AttemptDetail& so_far) {
    queue(results::cmi5::answered_statements(session_, so_far));
}

void Cmi5Launch::attempt_finished(const results::AttemptDetail& attempt) {
    queue(results::cmi5::attempt_statements(session_, attempt));
}

std::string Cmi5Launch::closing_request() {
    if (!ready_ || closed_) return {};
    closed_ = true;
    std::vector<std::string> queued;
    for (results::OutboxStatement& s : outbox_.take_all()) queued.push_back(std::move(s.json));
    const std::string terminated = results::cmi5::terminated_statement(session_, now_utc(), seconds_now() - started_);
    const results::cmi5::ClosingBatch batch = results::cmi5::closing_batch(queued, terminated);
    nlohmann::json out = {{"url", without_trailing_slashes(session_.launch.endpoint) + "/statements"},
                          {"authorization", authorization_},
                          {"body", batch.body},
                          {"sent", batch.sent},
                          {"unsent", nlohmann::json::array()}};
    for (size_t i = batch.sent; i < queued.size(); ++i) out["unsent"].push_back(queued[i]);
    return out.dump();
}

void Cmi5Launch::fail(const std::string& message) {
    error_ = message;
    show_notice(message + " Results are kept in this browser only.");
}

}  // namespace frontline::web
