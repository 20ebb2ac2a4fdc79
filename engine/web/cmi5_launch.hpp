// A cmi5 launch in the browser: fetches the auth token, reads LMS.LaunchData, then
// sends statements to the LMS's LRS through the outbox the desktop's `results send`
// uses too (frontline/results/lrs_outbox.hpp), over emscripten_fetch (asynchronous:
// the page's main thread must never block). Statements made before the launch is ready
// wait; initialized goes first. As the page closes, what is still queued goes out with
// terminated in one request that outlives the page (pre.js).
#pragma once

#include "frontline/results/cmi5.hpp"
#include "frontline/results/lrs_outbox.hpp"

#include <string>
#include <vector>

namespace frontline::web {

/// emscripten_fetch behind the outbox's transport interface: answers later, from the
/// browser's event loop.
class FetchTransport : public results::LrsTransport {
public:
    void send(const results::LrsRequest& request, std::function<void(results::HttpReply)> done) override;
};

class Cmi5Launch {
public:
    /// Starts the launch: POSTs to the fetch URL, then reads the launch data.
    explicit Cmi5Launch(results::cmi5::LaunchParameters launch);
    Cmi5Launch(const Cmi5Launch&) = delete;
    Cmi5Launch& operator=(const Cmi5Launch&) = delete;

    /// A choice was saved: its answered statement goes now (the attempt so far).
    void choice_saved(const results::AttemptDetail& so_far);
    /// The statements of a finished attempt (answers not sent yet, completed, passed/failed).
    void attempt_finished(const results::AttemptDetail& attempt);

    /// For the closing page: {"url", "authorization", "body" (a JSON array: what is still
    /// queued, oldest first, then terminated), "sent", "unsent" (the statements that did
    /// not fit in a keepalive request)}; "" before the launch is ready or once taken.
    std::string closing_request();

    bool ready() const { return ready_; }
    const std::string& error() const { return error_; }
    const results::cmi5::Session& session() const { return session_; }

private:
    void queue(const std::vector<std::string>& statements);
    void fail(const std::string& message);
    void token_answered(const results::HttpReply& reply);
    void launch_data_answered(const results::HttpReply& reply);

    results::cmi5::Session session_;
    std::string authorization_;
    FetchTransport transport_;
    results::StatementOutbox outbox_;
    std::vector<std::string> before_ready_;
    bool ready_ = false;
    bool closed_ = false;
    double started_ = 0;
    std::string error_;
};

}  // namespace frontline::web
