// Sending xAPI statements to an LRS, the same way on the desktop and in the browser:
// an outbox of statements (kept in order) in front of a transport that makes one HTTP
// request. The transport is libcurl on the desktop (lrs_client.cpp, answers at once)
// and emscripten_fetch in the browser (engine/web, answers later); the policy is here,
// once: statements go out in batches (xAPI 1.0.3 section 7.2: POST /statements with a
// JSON array), no answer, 429 and 5xx are tried again after a doubling wait, any other
// 4xx is the LRS refusing them for good.
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace frontline::results {

struct LrsRequest {
    std::string method = "POST";
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;  ///< besides Content-Type
    std::string body;
};

struct HttpReply {
    long status = 0;  ///< 0 when no HTTP answer came (connection refused, timeout, ...)
    std::string body;
    std::string transport_error;  ///< why, when status is 0
};

/// "HTTP 503: LRS warming up", or the transport's error when there was no answer.
std::string describe(const HttpReply& reply);

/// Whether a reply is worth trying again later: no answer, 429 or 5xx.
bool worth_retrying(const HttpReply& reply);

/// One HTTP request at a time. `done` is called exactly once, with the answer: at once
/// (inside send) or later; the outbox handles both.
class LrsTransport {
public:
    virtual ~LrsTransport() = default;
    virtual void send(const LrsRequest& request, std::function<void(HttpReply)> done) = 0;
};

/// One statement: its id and its JSON text.
struct OutboxStatement {
    std::string id;
    std::string json;
};

struct OutboxPolicy {
    size_t batch_size = 50;  ///< statements per POST (at least 1)
    /// Tries per batch, including the first; 0 = until it is accepted or refused.
    int max_attempts = 0;
    std::chrono::milliseconds first_backoff{1000};  ///< doubled after each failed try...
    std::chrono::milliseconds max_backoff{30000};   ///< ...up to this
    /// A 4xx other than 429: true = stop, keeping the batch and everything after it
    /// queued (the desktop's `results send`: the credentials or the statements are
    /// wrong, the user is told); false = drop the refused statements and go on (a
    /// page: one bad statement must not hold back the rest). A refused batch of several
    /// is then sent again one statement at a time, so only the refused ones are dropped.
    bool stop_on_refusal = true;
};

/// What happened to one batch (numbered from 1 in the order sent).
struct OutboxBatch {
    size_t number = 0;
    std::vector<std::string> ids;
};

struct OutboxEvents {
    /// The LRS accepted the batch. Return false to stop (e.g. it could not be recorded).
    std::function<bool(const OutboxBatch&)> accepted;
    /// No answer, 429 or 5xx: tried again after `wait`.
    std::function<void(const OutboxBatch&, const HttpReply&, std::chrono::milliseconds wait)> retrying;
    /// Refused for good (4xx), or out of tries: with stop_on_refusal, or after
    /// max_attempts, the outbox has stopped (the batch is still queued); else the batch
    /// was dropped.
    std::function<void(const OutboxBatch&, const HttpReply&, bool dropped)> failed;
};

/// Runs `what` after `wait`: the desktop sleeps, the page sets a timer.
using OutboxScheduler = std::function<void(std::chrono::milliseconds wait, std::function<void()> what)>;

class StatementOutbox {
public:
    StatementOutbox(LrsTransport& transport, OutboxScheduler scheduler, OutboxPolicy policy = {},
                    OutboxEvents events = {});
    StatementOutbox(const StatementOutbox&) = delete;
    StatementOutbox& operator=(const StatementOutbox&) = delete;

    /// Where statements go: <endpoint>/statements with these headers (auth, version).
    /// Nothing is sent before it is set; setting it starts sending what is queued.
    void open(const std::string& endpoint, std::vector<std::pair<std::string, std::string>> headers);

    /// Queues a statement after every one queued before it, and sends when it can.
    void add(OutboxStatement statement);

    /// Everything not yet accepted, oldest first (the batch in flight included), and
    /// stops sending: for a last request that outlives the page.
    std::vector<OutboxStatement> take_all();

    size_t queued() const { return queue_.size(); }
    size_t requests() const { return requests_; }
    bool stopped() const { return stopped_; }
    /// Nothing queued and nothing in flight.
    bool idle() const { return queue_.empty() && !in_flight_; }

private:
    void pump();
    void start_batch();
    void finished(HttpReply reply, size_t generation);

    LrsTransport& transport_;
    OutboxScheduler scheduler_;
    OutboxPolicy policy_;
    OutboxEvents events_;
    std::string url_;
    std::vector<std::pair<std::string, std::string>> headers_;
    std::deque<OutboxStatement> queue_;
    OutboxBatch batch_;      ///< the batch in flight or waiting to be tried again
    size_t batch_size_ = 0;  ///< statements of queue_'s front in batch_
    bool in_flight_ = false;
    bool waiting_ = false;  ///< a retry is scheduled
    bool stopped_ = false;
    bool pumping_ = false, pump_again_ = false;
    int attempts_ = 0;  ///< tries of the current batch
    std::chrono::milliseconds wait_{0};
    size_t one_by_one_ = 0;  ///< statements still to send singly after a refused batch
    size_t batches_ = 0, requests_ = 0;
    size_t generation_ = 0;  ///< bumped by take_all: answers to older requests are ignored
};

}  // namespace frontline::results
