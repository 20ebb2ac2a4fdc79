// The results store: one SQLite file per machine (see data_path.hpp), shared by the
// game and `frontline play`. Every write is its own transaction, so a call killed
// mid-way keeps every choice already made and shows up as unfinished.
// A file that is corrupt, from a newer version, or not ours is reported and never
// written to; callers carry on without results.
//
// Sections: opening; recording an attempt; resuming; queries for lists and the
// progress screen; LRS delivery bookkeeping.
#pragma once

#include "frontline/results/records.hpp"
#include "frontline/results/result.hpp"
#include "frontline/results/workshop_records.hpp"
#include "frontline/runner.hpp"
#include "frontline/scoring.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace frontline::results {

using Clock = std::chrono::system_clock;

struct ReportFilter;  // report.hpp
struct ReportRows;

/// Schema version this build writes; older files are migrated on open.
inline constexpr int schema_version = 4;

/// How long a write waits for another Frontline writing the same file.
inline constexpr std::chrono::milliseconds default_busy_timeout{5000};

class ResultsStore {
public:
    enum class Access : uint8_t {
        read_write,  ///< creates the file (and its folder) if missing, migrates it
        read_only,   ///< never creates or migrates; for listing and exporting
    };

    /// Opens or creates the store. Checks the file before anything is written:
    /// SQLITE_NOTADB or a failing `PRAGMA quick_check` is `corrupt`, a foreign
    /// application_id is `not_ours`, a newer schema is `too_new`.
    static Result<ResultsStore> open(const std::filesystem::path& file, Access access = Access::read_write,
                                     std::chrono::milliseconds busy_timeout = default_busy_timeout);

    ResultsStore(ResultsStore&&) noexcept;
    ResultsStore& operator=(ResultsStore&&) noexcept;
    ~ResultsStore();

    const std::filesystem::path& path() const;
    bool read_only() const;

    // --- Trainees -------------------------------------------------------------

    /// Creates the profile if it does not exist (names compare case-insensitively
    /// for ASCII; surrounding spaces are trimmed). 1..64 bytes, no control characters.
    Status add_trainee(std::string_view name);
    Result<std::vector<TraineeSummary>> trainees() const;

    // --- Recording an attempt, one transaction per call -------------------------

    /// Starts an attempt (and the trainee's profile if new). `front_end` says where
    /// it was played: "terminal" or "game".
    /// `order` is how its choices are shown; a shuffled order's seed is kept with it.
    Result<AttemptId> start_attempt(std::string_view trainee, const Scenario& scenario, AttemptMode mode,
                                    std::string_view front_end, const ChoiceOrder& order = ChoiceOrder::authored(),
                                    Clock::time_point at = Clock::now());

    /// Records one choice entry of the runner's transcript (kind == choice; other
    /// kinds are `invalid`). Call it right after Runner::choose.
    Status record_choice(AttemptId attempt, const Scenario& scenario, const TranscriptEntry& choice,
                         Clock::time_point at = Clock::now());

    /// Records the ending and scores; the attempt then counts as finished.
    Status finish_attempt(AttemptId attempt, const Scenario& scenario, const AttemptScore& score,
                          Clock::time_point at = Clock::now());

    /// A whole call in one transaction, dated back from now by its thinking time: for
    /// calls that exist only once played (seeding a store for a benchmark or a test).
    /// Front-ends record as they play, with CallRecorder (call_recorder.hpp).
    Result<AttemptId> record_finished_attempt(std::string_view trainee, const Scenario& scenario, AttemptMode mode,
                                              std::string_view front_end, const Runner& run,
                                              const AttemptScore& score);

    /// Deletes an attempt and its choices (an unfinished one the trainee gave up on).
    Status discard_attempt(AttemptId attempt);

    // --- Resuming --------------------------------------------------------------

    /// Unfinished attempts of a trainee, newest first. To resume one, load its
    /// detail, check content_hash against the scenario, replay(scenario, path()),
    /// and go on recording with the same AttemptId.
    Result<std::vector<AttemptSummary>> unfinished_attempts(std::string_view trainee) const;

    // --- Queries ---------------------------------------------------------------

    /// Attempts matching `filter`, oldest first ("attempts over time").
    Result<std::vector<AttemptSummary>> attempts(const AttemptFilter& filter = {}) const;
    /// One attempt with its choices; an unknown id is an `invalid` error.
    Result<AttemptDetail> attempt(AttemptId id) const;
    /// Every finished attempt with its choices (exports), oldest first.
    Result<std::vector<AttemptDetail>> attempt_details(const AttemptFilter& filter = {}) const;

    /// The trainee's best finished attempt per scenario, by scenario id.
    Result<std::vector<ScenarioBest>> best_per_scenario(std::string_view trainee) const;
    /// Best finished attempt on one scenario; with a content hash, only that version.
    Result<std::optional<ScenarioBest>> best_for_scenario(std::string_view trainee, std::string_view scenario_id,
                                                          std::string_view content_hash = {}) const;
    /// How often the trainee's choices practised each skill: known_skills() first,
    /// in their order (zeros included), then any other tags alphabetically.
    Result<std::vector<SkillCount>> skill_profile(std::string_view trainee) const;
    /// Finished attempts per quadrant, all four in Quadrant order.
    Result<std::vector<QuadrantCount>> quadrant_counts(std::string_view trainee) const;

    /// The rows a report aggregates (store_report.cpp): attempts matching `filter`
    /// (trainee, scenario, version, since), their choices, and the workshop asked for.
    /// An unknown trainee or workshop is an `invalid` error naming it.
    Result<ReportRows> report_rows(const ReportFilter& filter) const;

    // --- Workshops (store_workshops.cpp) -------------------------------------------

    /// Saves a workshop's setup (teams, queue, style) in one transaction; steps
    /// and finished_at in `w` are ignored. Returns the new id.
    Result<WorkshopId> create_workshop(const WorkshopRecord& w, Clock::time_point at = Clock::now());
    /// Appends one decision, committed before the workshop moves on.
    Status record_workshop_step(WorkshopId id, const WorkshopStep& step, Clock::time_point at = Clock::now());
    /// The room votes from its phones on `port` (nullopt: typed votes again), kept so a
    /// resumed workshop opens the vote to the phones on the same port.
    Status set_workshop_phone_port(WorkshopId id, std::optional<int> port);
    /// Marks it finished (it is then no longer offered for resuming).
    Status finish_workshop(WorkshopId id, Clock::time_point at = Clock::now());
    /// Workshops not yet finished, newest first, each with its teams, queue and steps.
    Result<std::vector<WorkshopRecord>> unfinished_workshops() const;
    /// One workshop with everything; an unknown id is an `invalid` error.
    Result<WorkshopRecord> workshop(WorkshopId id) const;

    // --- LRS delivery bookkeeping (used by send_to_lrs) ---------------------------

    /// Statement ids already accepted by the LRS at `endpoint`.
    Result<std::vector<std::string>> delivered_statements(std::string_view endpoint) const;
    /// Records that `endpoint` accepted these statements (one transaction).
    Status mark_delivered(std::string_view endpoint, const std::vector<std::string>& statement_ids);

    class Impl;

private:
    explicit ResultsStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace frontline::results
