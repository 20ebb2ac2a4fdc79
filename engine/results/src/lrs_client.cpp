// Posting statements to an LRS with libcurl (xAPI 1.0.3, section 7.2: POST
// /statements with a JSON array). Each accepted batch is remembered before the
// next is sent, so an interrupted send resumes where it stopped.
#include "frontline/results/lrs.hpp"

#include <curl/curl.h>

#include <mutex>
#include <set>
#include <thread>

namespace frontline::results {

namespace {

struct HttpReply {
    long status = 0;         ///< 0 when no HTTP answer came (connection refused, timeout, ...)
    std::string body;
    std::string transport_error;
};

size_t append_body(char* data, size_t size, size_t count, void* target) {
    static_cast<std::string*>(target)->append(data, size * count);
    return size * count;
}

void init_curl_once() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

HttpReply post_json(const std::string& url, const std::string& body, const LrsOptions& o) {
    HttpReply reply;
    CURL* curl = curl_easy_init();
    if (!curl) {
        reply.transport_error = "libcurl could not start";
        return reply;
    }
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Content-Type: application/json");
    headers = curl_slist_append(headers, "X-Experience-API-Version: 1.0.3");
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(o.timeout.count()));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM in a program that may have threads
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
    if (!o.user.empty() || !o.password.empty()) {
        curl_easy_setopt(curl, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
        curl_easy_setopt(curl, CURLOPT_USERNAME, o.user.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, o.password.c_str());
    }
    const CURLcode rc = curl_easy_perform(curl);
    if (rc == CURLE_OK)
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
    else
        reply.transport_error = curl_easy_strerror(rc);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    return reply;
}

bool worth_retrying(const HttpReply& r) { return r.status == 0 || r.status == 429 || r.status >= 500; }

std::string describe(const HttpReply& r) {
    if (r.status == 0) return r.transport_error;
    std::string text = "HTTP " + std::to_string(r.status);
    if (!r.body.empty()) text += ": " + r.body.substr(0, 400);
    return text;
}

std::string normalized_endpoint(std::string endpoint) {
    while (!endpoint.empty() && endpoint.back() == '/') endpoint.pop_back();
    return endpoint;
}

}  // namespace

SendReport send_to_lrs(ResultsStore& store, const LrsOptions& o) {
    SendReport report;
    const std::string endpoint = normalized_endpoint(o.endpoint);
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

    init_curl_once();
    const std::string url = endpoint + "/statements";
    const size_t batch_size = std::max<size_t>(1, o.batch_size);
    const size_t batches = (queue.size() + batch_size - 1) / batch_size;
    for (size_t b = 0; b < batches; ++b) {
        const size_t first = b * batch_size, last = std::min(queue.size(), first + batch_size);
        std::string body = "[";
        std::vector<std::string> ids;
        for (size_t i = first; i < last; ++i) {
            if (i > first) body += ',';
            body += queue[i].json;
            ids.push_back(queue[i].id);
        }
        body += ']';

        HttpReply reply;
        std::chrono::milliseconds wait = o.first_backoff;
        for (int attempt = 1;; ++attempt) {
            reply = post_json(url, body, o);
            ++report.requests;
            if (reply.status == 200 || !worth_retrying(reply) || attempt >= o.max_attempts) break;
            say("batch " + std::to_string(b + 1) + "/" + std::to_string(batches) + ": " + describe(reply) + "; retrying in " +
                std::to_string(wait.count()) + " ms");
            std::this_thread::sleep_for(wait);
            wait *= 2;
        }
        if (reply.status != 200) {
            report.error = "The LRS at " + url + " did not accept batch " + std::to_string(b + 1) + " of " +
                           std::to_string(batches) + " (" + describe(reply) + "). " + std::to_string(queue.size() - first) +
                           " statements stay queued for the next send.";
            return report;
        }
        if (Status marked = store.mark_delivered(endpoint, ids); !marked) {
            report.error = "The LRS accepted batch " + std::to_string(b + 1) + " but remembering that failed: " +
                           marked.error().message + " Those statements will be sent again (the LRS ignores duplicates).";
            return report;
        }
        report.accepted += ids.size();
        say("batch " + std::to_string(b + 1) + "/" + std::to_string(batches) + ": " + std::to_string(ids.size()) +
            " statements accepted");
    }
    report.ok = true;
    return report;
}

}  // namespace frontline::results
