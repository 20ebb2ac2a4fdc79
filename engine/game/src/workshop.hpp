// A facilitator's workshop as plain state: teams, a queue of scenarios, whose
// turn it is, vote tallies, the decision timer, the scoreboard and the summary.
// No SDL, no ImGui, no SQLite: the setup and every decision are the results
// store's WorkshopRecord, and the live state is rebuilt by replaying its steps
// (restore), so saving as it goes and resuming after a crash are the same code.
//
// Sections: setup and plays / the Workshop / scoreboard and summary.
#pragma once

#include "frontline/results/workshop_records.hpp"
#include "frontline/runner.hpp"
#include "frontline/scoring.hpp"
#include "frontline/vote_tally.hpp"

#include <optional>
#include <string>
#include <vector>

namespace frontline::game {

enum class WorkshopStyle : uint8_t { hot_seat, class_vote };
std::string_view style_id(WorkshopStyle s);  ///< "hot-seat", "class-vote"

/// A queued scenario resolved against the library (pointers stay valid: the
/// library is never resized once loaded).
struct WorkshopScenario {
    const Scenario* scenario = nullptr;
    const ScoreBounds* bounds = nullptr;
};

/// One call in the workshop: a team's call (hot seat) or the class's (team -1).
struct WorkshopPlay {
    int round = 0;
    int team = -1;
};

/// The class vote's tie rule lives in the core, shared with phone votes.
using frontline::tally;
using frontline::VoteOutcome;
/// A typed count is kept to what a room can hold (and what the screen can show).
inline constexpr int max_votes_per_option = 9999;

/// A team's standing: both needs side by side, never blended.
struct TeamStanding {
    int team = -1;  ///< -1 = the whole class (class vote)
    int calls = 0;  ///< finished calls
    double technical_percent = 0;  ///< mean over finished calls
    double personal_percent = 0;
    int best_in_class = 0;
};

/// One cell of the summary's team-by-scenario grid.
struct PlayResult {
    int round = 0;
    int team = -1;
    AttemptScore score;
};

/// A vote that was not unanimous: the class's, or in hot seat a team's phones.
struct SplitVote {
    int round = 0;
    std::string node;
    std::vector<int> votes;
    std::vector<std::string> options;  ///< the words of each visible option, in vote order
    int winner = 0;  ///< 1-based
    bool tie_broken = false;
    int team = -1;  ///< the team whose phones voted (hot seat); -1 = the class
};

/// A choice made in the workshop that cost the personal need.
struct HurtfulChoice {
    int round = 0;
    std::string node;
    std::string say;
    int personal = 0;       ///< its delta (negative)
    std::vector<int> teams; ///< who made it (-1 = the class)
};

struct WorkshopSummary {
    std::vector<TeamStanding> scoreboard;
    std::vector<PlayResult> results;       ///< per team and per scenario
    std::vector<SplitVote> splits;         ///< closest splits first
    std::vector<HurtfulChoice> hurtful;    ///< most harmful to the personal need first
};

class Workshop {
public:
    /// Rebuilds from a record (a new one has no steps). Fails (nullopt + `error`)
    /// when a queued scenario is missing or was changed since (content hash).
    static std::optional<Workshop> restore(const results::WorkshopRecord& record,
                                           std::vector<WorkshopScenario> scenarios, std::string& error);

    const results::WorkshopRecord& record() const { return record_; }
    WorkshopStyle style() const;
    /// Every call in order: round by round; in hot seat, each team once per round,
    /// starting one team later each round so nobody always goes first.
    const std::vector<WorkshopPlay>& plays() const { return plays_; }
    bool finished() const { return current_ >= plays_.size(); }
    const WorkshopPlay& play() const { return plays_[current_]; }
    size_t play_index() const { return current_; }
    const Scenario& scenario() const { return *scenarios_[static_cast<size_t>(play().round)].scenario; }
    const ScoreBounds& bounds() const { return *scenarios_[static_cast<size_t>(play().round)].bounds; }
    /// The scenario of queue position `round` (a finished call's, after the workshop moved on).
    const Scenario* scenario_of(int round) const { return scenarios_[static_cast<size_t>(round)].scenario; }
    const Runner& call() const { return *runner_; }
    /// The order every screen of the room shows the choices in (the record's seed).
    ChoiceOrder choice_order() const {
        return record_.shuffle_seed ? ChoiceOrder::shuffled(*record_.shuffle_seed) : ChoiceOrder::authored();
    }
    /// The call that just ended, until the facilitator moves on (not saved: a
    /// resumed workshop starts at the next call).
    const std::optional<PlayResult>& just_ended() const { return just_ended_; }
    void acknowledge_ending() { just_ended_.reset(); }

    /// Hot seat: the team on the seat makes visible choice `number` (1-based).
    /// `votes`: the team's phone votes per visible option, kept with the step; `number`
    /// must then be their majority (tie rule in tally()).
    /// Returns the step to save, or nullopt when it is not allowed now.
    std::optional<results::WorkshopStep> choose(int number, const std::vector<int>& votes = {});
    /// Class vote: votes per visible option; the majority proceeds (tie rule in tally()).
    std::optional<results::WorkshopStep> vote(const std::vector<int>& votes);
    /// Applies a saved step (restore, and after choose/vote). False if it does not fit.
    bool apply(const results::WorkshopStep& step);

    // Decision timer, on the game's injected clock. Pausing also stops it.
    void advance(double seconds);
    double elapsed() const { return elapsed_; }
    double remaining() const;
    bool time_up() const { return remaining() <= 0; }
    bool paused = false;
    /// Show the room the meters and the paths not taken at this decision.
    bool revealed = false;

    WorkshopSummary summary() const;
    std::vector<TeamStanding> scoreboard() const { return summary().scoreboard; }

private:
    void start_play();
    results::WorkshopRecord record_;
    std::vector<WorkshopScenario> scenarios_;
    std::vector<WorkshopPlay> plays_;
    size_t current_ = 0;
    std::optional<Runner> runner_;
    std::vector<PlayResult> finished_;
    std::optional<PlayResult> just_ended_;
    double elapsed_ = 0;
};

/// Eight colours that stay apart on a washed-out projector, for teams in order.
const std::vector<std::string>& team_colors();

}  // namespace frontline::game
