// The one sending policy for statements (see lrs_outbox.hpp). The transport may answer
// inside send() (libcurl) or later (a browser's fetch), and the scheduler may run its
// task at once after sleeping (the desktop) or from a timer: pump() is re-entrant, so a
// long send on the desktop is a loop, not a recursion as deep as the batches.
#include "frontline/results/lrs_outbox.hpp"

#include "frontline/results/text_escape.hpp"

#include <algorithm>

namespace frontline::results {

std::string describe(const HttpReply& r) {
    if (r.status == 0) return r.transport_error.empty() ? "no answer" : r.transport_error;
    std::string text = "HTTP " + std::to_string(r.status);
    if (!r.body.empty()) text += ": " + r.body.substr(0, 400);
    return text;
}

bool worth_retrying(const HttpReply& r) { return r.status == 0 || r.status == 429 || r.status >= 500; }

StatementOutbox::StatementOutbox(LrsTransport& transport, OutboxScheduler scheduler, OutboxPolicy policy,
                                 OutboxEvents events)
    : transport_(transport), scheduler_(std::move(scheduler)), policy_(policy), events_(std::move(events)) {
    policy_.batch_size = std::max<size_t>(1, policy_.batch_size);
    policy_.first_backoff = std::max(policy_.first_backoff, std::chrono::milliseconds(0));
}

void StatementOutbox::open(const std::string& endpoint, std::vector<std::pair<std::string, std::string>> headers) {
    url_ = without_trailing_slashes(endpoint) + "/statements";
    headers_ = std::move(headers);
    pump();
}

void StatementOutbox::add(OutboxStatement statement) {
    queue_.push_back(std::move(statement));
    pump();
}

std::vector<OutboxStatement> StatementOutbox::take_all() {
    ++generation_;
    stopped_ = true;
    in_flight_ = waiting_ = false;
    batch_size_ = 0;
    std::vector<OutboxStatement> all(std::make_move_iterator(queue_.begin()), std::make_move_iterator(queue_.end()));
    queue_.clear();
    return all;
}

void StatementOutbox::pump() {
    if (pumping_) {
        pump_again_ = true;
        return;
    }
    pumping_ = true;
    do {
        pump_again_ = false;
        start_batch();
    } while (pump_again_);
    pumping_ = false;
}

void StatementOutbox::start_batch() {
    if (url_.empty() || in_flight_ || waiting_ || stopped_ || queue_.empty()) return;
    if (batch_size_ == 0) {  // a new batch: the oldest statements
        batch_size_ = one_by_one_ > 0 ? 1 : std::min(queue_.size(), policy_.batch_size);
        batch_ = OutboxBatch{++batches_, {}};
        for (size_t i = 0; i < batch_size_; ++i) batch_.ids.push_back(queue_[i].id);
        attempts_ = 0;
        wait_ = policy_.first_backoff;
    }
    LrsRequest request;
    request.url = url_;
    request.headers = headers_;
    request.body = "[";
    for (size_t i = 0; i < batch_size_; ++i) {
        if (i > 0) request.body += ',';
        request.body += queue_[i].json;
    }
    request.body += ']';
    ++attempts_;
    ++requests_;
    in_flight_ = true;
    const size_t generation = generation_;
    transport_.send(request, [this, generation](HttpReply reply) { finished(std::move(reply), generation); });
}

void StatementOutbox::finished(HttpReply reply, size_t generation) {
    if (generation != generation_) return;  // taken by take_all meanwhile
    in_flight_ = false;
    const auto end_batch = [&] {
        queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(batch_size_));
        one_by_one_ -= std::min(one_by_one_, batch_size_);
        batch_size_ = 0;
    };
    if (reply.status >= 200 && reply.status < 300) {
        end_batch();
        if (events_.accepted && !events_.accepted(batch_)) {
            stopped_ = true;
            return;
        }
        pump();
        return;
    }
    if (worth_retrying(reply) && (policy_.max_attempts <= 0 || attempts_ < policy_.max_attempts)) {
        const std::chrono::milliseconds wait = wait_;
        wait_ = std::min(wait_ * 2, std::max(policy_.max_backoff, policy_.first_backoff));
        if (events_.retrying) events_.retrying(batch_, reply, wait);
        waiting_ = true;
        scheduler_(wait, [this, generation] {
            if (generation != generation_) return;
            waiting_ = false;
            pump();
        });
        return;
    }
    if (!worth_retrying(reply) && !policy_.stop_on_refusal) {
        if (batch_size_ > 1) {
            // One refused statement refuses its batch: find it by sending them singly.
            one_by_one_ = batch_size_;
            batch_size_ = 0;
            pump();
            return;
        }
        end_batch();
        if (events_.failed) events_.failed(batch_, reply, true);
        pump();
        return;
    }
    stopped_ = true;
    if (events_.failed) events_.failed(batch_, reply, false);
}

}  // namespace frontline::results
