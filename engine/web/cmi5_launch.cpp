#include "cmi5_launch.hpp"

#include "frontline/results/uuid.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/fetch.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <vector>

namespace frontline::web {

namespace {

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

std::string url_encode(const std::string& text) {
    std::string out;
    static const char* digits = "0123456789ABCDEF";
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        }
    }
    return out;
}

std::string trim_slash(std::string s) {
    while (!s.empty() && s.back() == '/') s.pop_back();
    return s;
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
struct Request {
    Cmi5Launch* launch;
    std::string body;
    std::vector<std::string> header_text;
    std::vector<const char*> headers;
};

void start_request(Cmi5Launch* launch, const char* method, const std::string& url, std::string body,
                   std::vector<std::string> headers, void (*done)(emscripten_fetch_t*)) {
    auto* r = new Request{launch, std::move(body), std::move(headers), {}};
    for (const std::string& h : r->header_text) r->headers.push_back(h.c_str());
    r->headers.push_back(nullptr);
    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, method, sizeof attr.requestMethod - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY | EMSCRIPTEN_FETCH_REPLACE;
    attr.requestHeaders = r->headers.data();
    if (!r->body.empty()) {
        attr.requestData = r->body.data();
        attr.requestDataSize = r->body.size();
    }
    attr.timeoutMSecs = 30000;
    attr.userData = r;
    attr.onsuccess = done;
    attr.onerror = done;
    emscripten_fetch(&attr, url.c_str());
}

}  // namespace

// emscripten_fetch reports 2xx to onsuccess and the rest to onerror: one handler.
void cmi5_request_done(emscripten_fetch_t* fetch);

Cmi5Launch::Cmi5Launch(results::cmi5::LaunchParameters launch) {
    session_.launch = std::move(launch);
    started_ = seconds_now();
    request_token();
}

void Cmi5Launch::request_token() {
    step_ = Step::token;
    in_flight_ = true;
    start_request(this, "POST", session_.launch.fetch, "", {}, cmi5_request_done);
}

void Cmi5Launch::request_launch_data() {
    step_ = Step::launch_data;
    in_flight_ = true;
    const std::string url =
        trim_slash(session_.launch.endpoint) +
        "/activities/state?stateId=LMS.LaunchData&activityId=" + url_encode(session_.launch.activity_id) +
        "&agent=" + url_encode(session_.launch.actor) + "&registration=" + url_encode(session_.launch.registration);
    start_request(this, "GET", url, "", {"Authorization", authorization_, "X-Experience-API-Version", "1.0.3"},
                  cmi5_request_done);
}

void Cmi5Launch::send(std::string statement) {
    queue_.push_back(std::move(statement));
    pump();
}

void Cmi5Launch::send_attempt(const results::AttemptDetail& attempt) {
    for (std::string& s : results::cmi5::attempt_statements(session_, attempt)) send(std::move(s));
}

std::string Cmi5Launch::take_terminated() {
    if (!ready_ || terminated_) return {};
    terminated_ = true;
    return results::cmi5::terminated_statement(session_, now_utc(), seconds_now() - started_);
}

void Cmi5Launch::pump() {
    if (!ready_ || in_flight_ || queue_.empty()) return;
    in_flight_ = true;
    start_request(
        this, "POST", trim_slash(session_.launch.endpoint) + "/statements", queue_.front(),
        {"Authorization", authorization_, "X-Experience-API-Version", "1.0.3", "Content-Type", "application/json"},
        cmi5_request_done);
}

void Cmi5Launch::fail(const std::string& message) {
    error_ = message;
    show_notice(message + " Results are kept in this browser only.");
}

void Cmi5Launch::retry_later() {
    // 1, 2, 4 ... 30 s: an LRS that is briefly away gets the statements, in order, later.
    const int ms = std::min(30000, 1000 << std::min(failures_, 5));
    ++failures_;
    emscripten_async_call([](void* self) { static_cast<Cmi5Launch*>(self)->pump(); }, this, ms);
}

void Cmi5Launch::finished_request(int status, const std::string& body) {
    in_flight_ = false;
    std::string error;
    switch (step_) {
        case Step::token: {
            if (status != 200)
                return fail("The LMS did not give a launch token (HTTP " + std::to_string(status) + ").");
            auto token = results::cmi5::parse_fetch_reply(body, error);
            if (!token) return fail(error);
            authorization_ = "Basic " + *token;
            request_launch_data();
            return;
        }
        case Step::launch_data: {
            if (status != 200)
                return fail("The LMS's launch data could not be read (HTTP " + std::to_string(status) + ").");
            auto data = results::cmi5::parse_launch_data(body, error);
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
            step_ = Step::statements;
            ready_ = true;
            queue_.push_front(results::cmi5::initialized_statement(session_, now_utc()));
            pump();
            return;
        }
        case Step::statements:
            if (status == 200 || status == 204) {
                queue_.pop_front();
                failures_ = 0;
                pump();
            } else if (status == 0 || status == 429 || status >= 500) {
                retry_later();
            } else {
                // The LRS refused this statement for good (4xx): say so, and go on with the rest.
                fail("The LRS refused a statement (HTTP " + std::to_string(status) + "): " + body.substr(0, 300));
                queue_.pop_front();
                pump();
            }
            return;
    }
}

void cmi5_request_done(emscripten_fetch_t* fetch) {
    auto* r = static_cast<Request*>(fetch->userData);
    std::string body;
    if (fetch->data && fetch->numBytes > 0) body.assign(fetch->data, static_cast<size_t>(fetch->numBytes));
    const int status = fetch->status;
    Cmi5Launch* launch = r->launch;
    emscripten_fetch_close(fetch);
    delete r;
    launch->finished_request(status, body);
}

}  // namespace frontline::web
