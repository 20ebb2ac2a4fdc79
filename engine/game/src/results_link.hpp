// The game's link to the results store: which trainee is playing, the attempt
// being recorded, and what the library and progress screens show from the store.
// Plain data plus a few operations; nothing here draws. Any store failure turns
// results off with a message the frame shows ("Results off: ..."): the game goes on.
#pragma once

#include "frontline/game.hpp"
#include "frontline/results/call_recorder.hpp"
#include "frontline/results/report.hpp"
#include "frontline/results/store.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace frontline::game {

/// A trainee's history, read from the store when the progress screen opens.
struct ProgressModel {
    std::string trainee;
    std::vector<results::AttemptSummary> attempts;  ///< finished, oldest first
    std::vector<results::ScenarioBest> best;
    std::vector<results::QuadrantCount> quadrants;
    std::vector<results::SkillCount> skills;  ///< the six known skills first
    results::ReplayGainSummary gain;  ///< first call against best, per scenario
};

struct ResultsLink {
    std::optional<results::ResultsStore> store;
    /// Why results are off ("" when on, or when nobody asked for them).
    std::string off_reason;
    std::string trainee;  ///< "" = nobody chosen yet: calls are not recorded
    results::CallRecorder call;                 ///< the call being recorded, choice by choice
    ResultsSaved saved;                         ///< told after each write of a call (GameOptions::on_results_saved)
    std::vector<std::string> recent_trainees;   ///< most recently played first
    std::vector<results::AttemptSummary> unfinished;  ///< the trainee's, newest first
    std::map<std::string, BestResult> best;     ///< key: scenario id + "#" + content hash
    ProgressModel progress;
    /// How other trainees answered the open scenario (this version), for the debrief.
    std::optional<results::ScenarioInsight> others_answers;
    /// How every trainee answered it and where calls stopped, for the author map.
    std::optional<results::ScenarioInsight> map_answers;
    std::vector<results::WorkshopRecord> unfinished_workshops;  ///< offered for resuming, newest first
    std::optional<results::WorkshopId> workshop;  ///< the workshop being saved as it goes

    bool on() const { return store.has_value(); }
    bool recording() const { return on() && call.recording(); }
};

/// Opens the store at `file`; on failure keeps the reason and leaves results off.
void open_results(ResultsLink& r, const std::filesystem::path& file);

/// Turns results off for the rest of the session, keeping `error`'s message.
void results_failed(ResultsLink& r, const results::StoreError& error);

/// Creates or picks a profile, then reloads its unfinished attempts and bests.
void select_trainee(ResultsLink& r, const std::string& name);

/// Re-reads the recent names, the trainee's unfinished attempts and best results.
void refresh_results(ResultsLink& r);

/// Reads the progress screen's model for the current trainee.
void load_progress(ResultsLink& r);

/// Reads the shares per answer of `s` (this version) from the store: everyone but the
/// current trainee for the debrief, everyone for the author map. Nothing when results are off.
std::optional<results::ScenarioInsight> answer_shares(ResultsLink& r, const Scenario& s, bool others_only);

/// Starts recording `call` and what it already holds (when results are on and a
/// trainee is chosen).
void begin_attempt(ResultsLink& r, results::AttemptMode mode, const Runner& call);
/// Commits the call's latest choice (its own transaction).
void record_latest_choice(ResultsLink& r, const Runner& call);
/// Records the ending and scores; the attempt is then finished.
void finish_attempt(ResultsLink& r, const Runner& call, const AttemptScore& score);

/// Key for best-result maps: scenario id and content hash.
std::string result_key(const Scenario& s);

}  // namespace frontline::game
