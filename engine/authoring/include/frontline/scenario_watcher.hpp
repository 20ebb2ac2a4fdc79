// Hot reload for authors: notice that a scenario file was saved, reload it, and
// keep the trainee's place by replaying the same choices where they still exist.
// A broken save keeps the last good scenario and exposes the diagnostics to show.
// Standard library only; a front-end calls LiveScenario::update() once a frame.
#pragma once

#include "frontline/check.hpp"
#include "frontline/diagnostic.hpp"
#include "frontline/runner.hpp"
#include "frontline/scenario.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace frontline {

/// Notices changes to one file by polling its modification time and size, then
/// a content hash so a save without changes (or a `touch`) is not a reload.
class ScenarioWatcher {
public:
    explicit ScenarioWatcher(std::filesystem::path path,
                             std::chrono::milliseconds interval = std::chrono::milliseconds(250));

    /// True once after each change of the file's content; looks at the disk at
    /// most once per interval, so it is cheap to call every frame.
    bool poll();
    /// The same check, ignoring the interval.
    bool check_now();
    const std::filesystem::path& path() const { return path_; }

private:
    struct Stamp {
        std::filesystem::file_time_type time{};
        uintmax_t size = 0;
        bool exists = false;
        friend bool operator==(const Stamp&, const Stamp&) = default;
    };
    Stamp stamp() const;
    std::string content_hash() const;

    std::filesystem::path path_;
    std::chrono::milliseconds interval_;
    std::chrono::steady_clock::time_point last_check_{};
    Stamp stamp_;
    std::string hash_;
};

/// One choice of a call, kept as text and index so it can be found again after the
/// scenario's text changed.
struct ReplayStep {
    std::string say;
    int index = -1;  ///< index into the node's choices when it was made
};

/// The steps of a call so far (take them before the old scenario goes away).
std::vector<ReplayStep> replay_steps(const Runner& run);

struct ReloadedCall {
    Runner runner;
    size_t kept = 0;     ///< steps replayed
    size_t dropped = 0;  ///< steps from the first one that no longer exists
};

/// Replays `steps` on `updated`: each by the same text among the choices shown,
/// else by the same index if that choice is shown; stops at the first step
/// neither finds. `updated` must outlive the returned Runner.
ReloadedCall reload_keeping_path(std::span<const ReplayStep> steps, const Scenario& updated);
/// Convenience: `old`'s scenario must still be alive.
ReloadedCall reload_keeping_path(const Runner& old, const Scenario& updated);

/// A scenario file kept live: the last good version, its call in progress, and
/// the diagnostics of the latest load (show them instead of exiting on a broken save).
class LiveScenario {
public:
    explicit LiveScenario(std::filesystem::path path, std::chrono::milliseconds interval = std::chrono::milliseconds(250));

    /// Polls the file; on a change reloads and replays. True when anything changed.
    bool update();
    /// Reloads now, whatever the file's stamp says.
    void reload();

    const Scenario* scenario() const { return scenario_.get(); }  ///< last good version, or null
    const std::optional<ScoreBounds>& bounds() const { return bounds_; }
    const DiagnosticList& diagnostics() const { return diagnostics_; }  ///< of the latest load
    bool broken() const { return diagnostics_.has_errors(); }  ///< the file on disk does not load
    Runner* runner() { return runner_ ? &*runner_ : nullptr; }
    size_t dropped_steps() const { return dropped_; }  ///< of the last reload

private:
    ScenarioWatcher watcher_;
    std::unique_ptr<Scenario> scenario_;  ///< on the heap: the Runner points at it
    std::optional<ScoreBounds> bounds_;
    DiagnosticList diagnostics_;
    std::optional<Runner> runner_;
    size_t dropped_ = 0;
};

}  // namespace frontline
