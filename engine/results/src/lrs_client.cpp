// Posting statements to an LRS with libcurl (xAPI 1.0.3, section 7.2: POST
// /statements with a JSON array), through the outbox that the browser build uses too
// (lrs_outbox.hpp). Each accepted batch is remembered before the next is sent, so an
// interrupted send resumes where it stopped.
#include "frontline/results/lrs.hpp"

#include "frontline/results/lrs_outbox.hpp"
#include "frontline/results/text_escape.hpp"

#include <curl/curl.h>

#include <mutex>
#include <set>
#include <thread>

namespace frontline::results {

namespace {

size_t append_body(char* data, size_t size, size_t count, void* target) {
    static_cast<std::string*>(target)->append(data, size * count);
    return size * count;
}

void init_curl_once() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

/// libcurl, blocking: answers inside send().
class CurlTransport : public LrsTransport {
public:
    explicit CurlTransport(const LrsOptions& o) : o_(o) { init_curl_once(); }

    void send(const LrsRequest& request, std::function<void(HttpReply)> done) override { done(perform(request)); }

private:
    HttpReply perform(const LrsRequest& request) const {
        HttpReply reply;
        CURL* curl = curl_easy_init();
        if (!curl) {
            reply.transport_error = "libcurl could not start";
            return reply;
        }
        curl_slist* headers = nullptr;
        headers = curl_slist_append(headers, "Content-Type: application/json");
        for (const auto& [name, value] : request.headers)
            headers = curl_slist_append(headers, (name + ": " + value).c_str());
        curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
        if (request.method == "POST") {
            curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.c_str());
            curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
        } else if (request.method != "GET") {
            curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
        }
        curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(o_.timeout.count()));
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM in a program that may have threads
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
        if (!o_.user.empty() || !o_.password.empty()) {
            curl_easy_setopt(curl, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
            curl_easy_setopt(curl, CURLOPT_USERNAME, o_.user.c_str());
            curl_easy_setopt(curl, CURLOPT_PASSWORD, o_.password.c_str());
        }
        const CURLcode rc = curl_easy_perform(curl);
        if (rc == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
        else reply.transport_error = curl_easy_strerror(rc);
        curl_slist_free_all(headers);
        curl_easy_cleanup(curl);
        return reply;
    }

    const LrsOptions& o_;
};

}  // namespace

SendReport send_to_lrs(ResultsStore& store, const LrsOptions& o) {
    SendReport report;
    const std::string endpoint = without_trailing_slashes(o.endpoint);
    if (endpoint.rfind("http://", 0) != 0 && endpoint.rfind("https://", 0) != 0) {
        report.error = "The LRS address must start with http:// or https:// (got '" + o.endpoint + "').";
        return report;
    }
    const auto say = [&](const std::string& line) {
        if (o.progress) o.progress(line);
    };

    auto delivered_ids = store.delivered_statements(endpoint);
    if (!delivered_ids) {
        report.error = delivered_ids.error().message;
        return report;
    }
    const std::set<std::string> delivered(delivered_ids->begin(), delivered_ids->end());
    AttemptFilter filter = o.filter;
    filter.finished_only = true;  // an unfinished call may still be resumed or discarded
    filter.unfinished_only = false;
    auto details = store.attempt_details(filter);
    if (!details) {
        report.error = details.error().message;
        return report;
    }
    std::vector<XapiStatement> queue;
    for (const AttemptDetail& d : *details)
        for (XapiStatement& s : xapi_statements(d, o.xapi))
            if (!delivered.count(s.id)) queue.push_back(std::move(s));
    report.queued = queue.size();
    if (queue.empty()) {
        report.ok = true;
        say("Nothing to send: the LRS has accepted every statement already.");
        return report;
    }

    const std::string url = endpoint + "/statements";
    const size_t batch_size = std::max<size_t>(1, o.batch_size);
    const size_t batches = (queue.size() + batch_size - 1) / batch_size;
    const auto batch_name = [&](const OutboxBatch& b) {
        return "batch " + std::to_string(b.number) + "/" + std::to_string(batches);
    };
    CurlTransport transport(o);
    OutboxPolicy policy;
    policy.batch_size = batch_size;
    policy.max_attempts = std::max(1, o.max_attempts);
    policy.first_backoff = o.first_backoff;
    policy.max_backoff = std::chrono::hours(1);  // max_attempts bounds the wait
    policy.stop_on_refusal = true;               // wrong statements or credentials: the user must know
    OutboxEvents events;
    StatementOutbox* outbox = nullptr;
    events.accepted = [&](const OutboxBatch& b) {
        if (Status marked = store.mark_delivered(endpoint, b.ids); !marked) {
            report.error = "The LRS accepted batch " + std::to_string(b.number) +
                           " but remembering that failed: " + marked.error().message +
                           " Those statements will be sent again (the LRS ignores duplicates).";
            return false;
        }
        report.accepted += b.ids.size();
        say(batch_name(b) + ": " + std::to_string(b.ids.size()) + " statements accepted");
        return true;
    };
    events.retrying = [&](const OutboxBatch& b, const HttpReply& reply, std::chrono::milliseconds wait) {
        say(batch_name(b) + ": " + describe(reply) + "; retrying in " + std::to_string(wait.count()) + " ms");
    };
    events.failed = [&](const OutboxBatch& b, const HttpReply& reply, bool) {
        report.error = "The LRS at " + url + " did not accept batch " + std::to_string(b.number) + " of " +
                       std::to_string(batches) + " (" + describe(reply) + "). " + std::to_string(outbox->queued()) +
                       " statements stay queued for the next send.";
    };
    StatementOutbox box(
        transport,
        [](std::chrono::milliseconds wait, const std::function<void()>& what) {
            std::this_thread::sleep_for(wait);
            what();
        },
        policy, std::move(events));
    outbox = &box;
    for (XapiStatement& s : queue) box.add({std::move(s.id), std::move(s.json)});
    box.open(endpoint, {{"X-Experience-API-Version", "1.0.3"}});  // sends everything, or stops
    report.requests = box.requests();
    report.ok = box.idle() && report.error.empty();
    return report;
}

}  // namespace frontline::results
