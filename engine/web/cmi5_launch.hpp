// A cmi5 launch in the browser: fetches the auth token, reads LMS.LaunchData, then
// sends statements to the LMS's LRS one at a time, in order, with emscripten_fetch
// (asynchronous: the page's main thread must never block). Statements made before
// the launch is ready wait in the queue; a failed POST is retried with backoff.
#pragma once

#include "frontline/results/cmi5.hpp"

#include <deque>
#include <string>

namespace frontline::web {

class Cmi5Launch {
public:
    /// Starts the launch: POSTs to the fetch URL, then reads the launch data.
    explicit Cmi5Launch(results::cmi5::LaunchParameters launch);

    /// Queues a statement (JSON text); sent after everything queued before it.
    void send(std::string statement);
    /// The statements of a finished attempt (answered..., completed, passed/failed).
    void send_attempt(const results::AttemptDetail& attempt);
    /// The terminated statement, for the page to send as it closes; empty before the
    /// launch is ready or when it was sent already.
    std::string take_terminated();

    bool ready() const { return ready_; }
    const std::string& error() const { return error_; }
    const std::string& authorization() const { return authorization_; }
    const results::cmi5::Session& session() const { return session_; }

    /// The answer to the request in flight (status 0: no answer); the fetch callback calls it.
    void finished_request(int status, const std::string& body);

private:
    enum class Step { token, launch_data, statements };
    void request_token();
    void request_launch_data();
    void pump();
    void fail(const std::string& message);
    void retry_later();

    results::cmi5::Session session_;
    std::string authorization_;
    Step step_ = Step::token;
    bool ready_ = false;
    bool in_flight_ = false;
    bool terminated_ = false;
    int failures_ = 0;
    double started_ = 0;
    std::string error_;
    std::deque<std::string> queue_;
};

}  // namespace frontline::web
