// Plain values read back from the results store: what the CLI lists, what the
// exports write and what the game's progress screen draws. No SQLite types here.
#pragma once

#include "frontline/scenario.hpp"
#include "frontline/scoring.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace frontline::results {

/// Row id of an attempt in the store; stable for the life of the database.
using AttemptId = int64_t;

/// How the call was played. Workshop is a facilitator-led group session.
enum class AttemptMode : uint8_t { practice, assessment, workshop };
std::string_view mode_id(AttemptMode m);  ///< "practice", "assessment", "workshop"
std::optional<AttemptMode> parse_mode(std::string_view s);

/// A trainee profile with a count of its attempts.
struct TraineeSummary {
    std::string name;
    std::string created_at;  ///< ISO 8601 UTC
    int attempts = 0;
    int finished = 0;
    std::string last_played_at;  ///< empty when no attempts
};

/// The scores of a finished attempt, as stored (pass marks as they were then).
struct StoredScore {
    int technical = 0;  ///< raw points
    int personal = 0;
    int64_t best_technical = 0;  ///< best achievable in that scenario version
    int64_t best_personal = 0;
    int64_t full_technical = 0;  ///< what fully meeting the need was worth (the percent's base)
    int64_t full_personal = 0;
    double technical_percent = 0;
    double personal_percent = 0;
    int technical_pass = 0;  ///< pass mark in percent
    int personal_pass = 0;
    bool technical_met = false;
    bool personal_met = false;
    Quadrant quadrant = Quadrant::mere_mortal;
    int mood = 0;
    std::string ending;  ///< ending id
    Outcome outcome = Outcome::neutral;
};

/// One attempt, without its choices.
struct AttemptSummary {
    AttemptId id = 0;
    std::string registration;  ///< UUID v4; the xAPI context.registration
    std::string trainee;
    std::string scenario_id;
    std::string scenario_title;
    std::string content_hash;  ///< Scenario::content_hash of the version played
    AttemptMode mode = AttemptMode::practice;
    std::string front_end;   ///< "terminal", "game"
    std::string started_at;  ///< ISO 8601 UTC, e.g. 2025-03-01T09:30:00.120Z
    std::string finished_at; ///< empty while unfinished
    int choices = 0;         ///< choices recorded so far
    std::optional<uint64_t> shuffle_seed;  ///< the shuffled order's seed; none: the author's order
    std::optional<StoredScore> score;  ///< present once finished
    bool finished() const { return score.has_value(); }
};

/// One choice as it was made.
struct ChoiceRecord {
    int turn = 0;          ///< 0-based: the first choice of the call is turn 0
    std::string node;      ///< node id
    int choice_index = 0;  ///< index into the node's choices, file order (what replay() takes)
    int shown = 0;         ///< 1-based position among the choices visible then, author's order
    int presented = 0;     ///< 1-based position on screen (after the shuffle); 0 in rows from before it
    std::string say;       ///< the trainee's words
    int technical = 0;     ///< deltas
    int personal = 0;
    int mood = 0;
    int mood_after = 0;
    int technical_total = 0;
    int personal_total = 0;
    double seconds = 0;    ///< time the trainee took
    std::vector<std::string> skills;
    std::string made_at;   ///< ISO 8601 UTC
    std::string statement_id;  ///< UUID of its xAPI "answered" statement
};

/// An attempt with every choice, in turn order.
struct AttemptDetail {
    AttemptSummary summary;
    std::vector<ChoiceRecord> choices;
    /// Statement ids fixed when the attempt was written, so exports and resends
    /// are the same statements every time (an LRS treats a resend as a duplicate).
    std::string attempted_statement_id;
    std::string completed_statement_id;
    std::string verdict_statement_id;  ///< passed / failed
    /// The choices as node choice indices: replay(scenario, path()) resumes the call.
    std::vector<int> path() const;
};

/// Which attempts a query returns. Empty fields match everything.
struct AttemptFilter {
    std::string trainee;
    std::string scenario_id;
    bool finished_only = false;
    bool unfinished_only = false;
};

/// A trainee's best attempt on one scenario (any version of it).
struct ScenarioBest {
    std::string scenario_id;
    std::string scenario_title;
    AttemptSummary best;  ///< finished; ranked by better_result()
    int attempts = 0;     ///< finished attempts on this scenario
};

/// How often a trainee's choices practised one of the skills.
struct SkillCount {
    std::string skill;
    int choices = 0;   ///< choices tagged with it
    int attempts = 0;  ///< attempts in which it was practised at least once
};

/// Attempts landing in one quadrant.
struct QuadrantCount {
    Quadrant quadrant = Quadrant::mere_mortal;
    int attempts = 0;
};

/// Ranking for "best": quadrant first (best in class, then kept the customer,
/// then fixed it: the person comes first), then the sum of both percentages.
bool better_result(const StoredScore& a, const StoredScore& b);

}  // namespace frontline::results
