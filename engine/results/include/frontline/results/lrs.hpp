// Sending xAPI statements to a Learning Record Store. Statements stay queued
// until the LRS accepts them: the store remembers, per LRS endpoint, which
// statement ids were accepted, and each send posts only the rest.
#pragma once

#include "frontline/results/export.hpp"
#include "frontline/results/store.hpp"

#include <chrono>
#include <functional>
#include <string>

namespace frontline::results {

struct LrsOptions {
    /// The LRS's xAPI endpoint, e.g. https://lrs.example.org/xAPI/ ; statements
    /// are posted to <endpoint>/statements.
    std::string endpoint;
    std::string user;  ///< HTTP basic auth (both empty: no auth)
    std::string password;
    size_t batch_size = 50;  ///< statements per POST
    int max_attempts = 5;    ///< per batch, including the first try
    std::chrono::milliseconds first_backoff{500};  ///< doubled after each failed try
    std::chrono::seconds timeout{30};              ///< per request
    XapiOptions xapi;
    AttemptFilter filter;  ///< which attempts; only finished ones are ever sent
    /// Progress lines ("batch 2/5: 50 statements accepted"); may be empty.
    std::function<void(const std::string&)> progress;
};

struct SendReport {
    bool ok = false;
    size_t queued = 0;     ///< statements not yet accepted when the send began
    size_t accepted = 0;   ///< accepted during this send
    size_t requests = 0;   ///< HTTP requests made, retries included
    std::string error;     ///< why it stopped, when !ok
};

/// Posts every not-yet-accepted statement of the finished attempts in batches
/// (libcurl behind the StatementOutbox of lrs_outbox.hpp, as the browser build sends),
/// retrying connection errors, 429 and 5xx with exponential backoff. A 4xx other
/// than 429 stops at once (the statements are wrong or the credentials are):
/// nothing is marked accepted that the LRS did not accept.
SendReport send_to_lrs(ResultsStore& store, const LrsOptions& options);

}  // namespace frontline::results
