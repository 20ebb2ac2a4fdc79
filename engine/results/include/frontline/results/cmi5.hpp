// cmi5 (the xAPI profile for courses launched from an LMS): reading the launch URL,
// the statements an assignable unit (AU) must send, and the course structure file
// (cmi5.xml) of a package. Plain data in, JSON text out: the page sends them
// (engine/web), the CLI packages them, tests check them without a browser.
#pragma once

#include "frontline/results/export.hpp"
#include "frontline/results/records.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace frontline::results::cmi5 {

/// The five query parameters an LMS puts on an AU's launch URL (cmi5 section 8.1).
struct LaunchParameters {
    std::string endpoint;      ///< the LRS's xAPI endpoint
    std::string fetch;         ///< one-use URL that answers a POST with the auth token
    std::string registration;  ///< UUID of this learner's enrolment in the course
    std::string activity_id;   ///< the AU's activity IRI (publisher id + LMS suffix)
    std::string actor;         ///< the learner, an xAPI Agent as JSON text
};

/// Reads the launch parameters from a URL's query ("?endpoint=...&fetch=..." or
/// without the "?"), percent-decoding each. nullopt when there is no cmi5 launch at
/// all (no endpoint and no fetch: played outside an LMS); `error` says what is wrong
/// when some are there but not all five, or the actor is not an Agent.
std::optional<LaunchParameters> parse_launch_query(const std::string& query, std::string& error);

/// What the LMS's LMS.LaunchData state document says (cmi5 section 10.2.1).
struct LaunchData {
    std::string launch_mode = "Normal";  ///< Normal, Browse or Review
    std::string move_on = "CompletedAndPassed";
    std::optional<double> mastery_score;  ///< 0..1; when given, it decides passed/failed
    std::string context_template;         ///< JSON object text, merged into every statement's context
    std::string return_url;
};

/// Parses the LMS.LaunchData document; `error` when it is not the JSON object cmi5 defines.
std::optional<LaunchData> parse_launch_data(const std::string& json_text, std::string& error);

/// The auth token from the fetch URL's answer ({"auth-token": "..."}), or
/// nullopt with `error` (the LMS's own error-code / error-text when it gave one).
std::optional<std::string> parse_fetch_reply(const std::string& json_text, std::string& error);

/// One AU session: who, which registration, and the ids every statement shares.
struct Session {
    LaunchParameters launch;
    LaunchData data;
    std::string session_id;  ///< a UUID made at launch, in every statement's context
    std::string language = "en";
    /// cmi5 allows one completed and one passed per registration, and no failed after a
    /// passed: what this session has sent so far (a retry in the same launch sends less).
    bool completed_sent = false;
    bool passed_sent = false;
    /// The choices whose answered statement was made already (by the xAPI export's
    /// statement id, which is fixed per choice): sent as each choice is made, so the
    /// end of the call does not send them again.
    std::set<std::string> answered_made;
};

/// The cmi5-defined statements (cmi5 section 9.3), each one line of JSON with a fresh
/// id and the timestamp given (ISO 8601 UTC). Context: the registration, the session
/// id extension, the cmi5 category activity (and moveOn for completed, passed and
/// failed), merged over the LMS's contextTemplate.
std::string initialized_statement(const Session& s, const std::string& timestamp);
std::string terminated_statement(const Session& s, const std::string& timestamp, double session_seconds);

/// Whether a finished attempt passes: the LMS's masteryScore against the scaled score
/// when it gave one, else the scenario's pass marks (both needs met).
bool passes(const Session& s, const AttemptSummary& finished);

/// The scaled score cmi5 reports: the mean of the two needs' percentages, 0..1.
double scaled_score(const AttemptSummary& finished);

/// The "answered" statements of the attempt's choices that this session has not made
/// yet (re-issued for the launch's actor and registration, grouped under the AU), in
/// the order answered: called after each saved choice, it gives that choice's one.
std::vector<std::string> answered_statements(Session& s, const AttemptDetail& attempt, const XapiOptions& options = {});

/// The statements of a finished attempt, in the order to send: the per-choice
/// "answered" statements not made yet (answered_statements), then completed and passed or failed (about the AU, with
/// both needs in result.extensions). In Browse or Review launch mode only the answered ones: cmi5 forbids
/// completed/passed/failed outside Normal mode. A later attempt in the same session adds no second completed, and
/// nothing of passed/failed once passed was sent.
std::vector<std::string> attempt_statements(Session& s, const AttemptDetail& attempt, const XapiOptions& options = {});

/// The body of the one request a closing page may still make (a keepalive fetch,
/// whose body browsers limit to 64 KiB): a JSON array of the queued statements, oldest
/// first, as many as fit with `terminated` (always last).
struct ClosingBatch {
    std::string body;
    size_t sent = 0;  ///< queued statements in the body
    size_t left = 0;  ///< queued statements that did not fit (the newest)
};
ClosingBatch closing_batch(const std::vector<std::string>& queued, const std::string& terminated,
                           size_t limit = 64 * 1024);

/// One AU of a course structure: a scenario, launched as index.html?scenario=<file>.
struct AssignableUnit {
    std::string id;  ///< the scenario id (the AU's IRI is made from it)
    std::string title;
    std::string description;
    std::string scenario_file;  ///< file name inside the package's scenarios/ folder
};

/// cmi5.xml (cmi5 section 13): one course, one AU per scenario, each moveOn
/// CompletedAndPassed, launched from index.html in the package. `iri_base` makes the
/// course and AU ids (as the xAPI export's activity ids).
std::string course_structure_xml(const std::string& course_title, const std::vector<AssignableUnit>& units,
                                 const XapiOptions& options = {});

}  // namespace frontline::results::cmi5
