// The game front-end's one public entry point. SDL and Dear ImGui stay behind it:
// the CLI (and anything else) only sees plain options and an exit code.
#pragma once

#include "frontline/scoring.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace frontline {

/// A trainee's best result on one scenario, as the library card shows it.
struct BestResult {
    double technical_percent = 0;
    double personal_percent = 0;
    Quadrant quadrant = Quadrant::mere_mortal;
    Outcome outcome = Outcome::neutral;
    int attempts = 0;
};

/// Told after the game has written to the results store: a choice (nullopt) or a
/// finished call (its attempt id). The browser build copies its storage to IndexedDB
/// then and reports a finished call to the LMS that launched it.
using ResultsSaved = std::function<void(std::optional<int64_t> finished_attempt)>;

struct GameOptions {
    /// Scenario files and/or folders (folders are searched recursively).
    std::vector<std::filesystem::path> scenario_paths;
    /// Folders searched in order for the game's asset files (fonts/, sounds/); the CLI
    /// passes the installed assets folder, or the build folder's and the source tree's.
    /// A missing asset is not fatal: the system font, or silence.
    std::vector<std::filesystem::path> asset_dirs;
    /// Skip the library and open this scenario's briefing (`frontline play --gui FILE`).
    std::optional<std::filesystem::path> open_directly;
    /// Author mode: reload the open scenario when its file is saved, keeping the
    /// call's path, and show a broken save's diagnostics over the last good version
    /// (`frontline play --gui --watch FILE`; also a toggle in the settings).
    bool watch = false;
    /// Start calls in assessment mode (no meters, no feedback until the debrief).
    bool assessment = false;
    /// Choice order on screen: shuffled with a fresh seed for every call (the default),
    /// with this seed for every call (`play --gui --seed N`), or the author's order.
    std::optional<uint64_t> choice_seed;
    bool no_shuffle = false;
    /// Record to the results store: the `--data` value ("" = $FRONTLINE_DATA, else
    /// the XDG data dir), resolved by results::results_path. Unset = results off
    /// without a message (screenshots, most tests). A store that cannot be opened
    /// is reported on screen ("Results off: ...") and never written.
    std::optional<std::string> results_data;
    /// The trainee to record as, chosen as the library's name field would
    /// (`play --gui --trainee NAME`); needs results_data.
    std::string trainee;
    /// Open straight into a workshop on every scenario given, in order, with the first
    /// decision on screen and its timer running (`frontline workshop`).
    struct WorkshopStart {
        std::string style = "hot-seat";  ///< or "class-vote"
        int teams = 3;                   ///< hot seat: Team 1..N
        double decision_seconds = 90;
        /// The room votes from its phones (`--phones`): a class vote, or in hot seat each
        /// team on its turn; served on this address and port (0 = any free one).
        bool phones = false;
        std::string phone_bind = "0.0.0.0";
        int phone_port = 0;
    };
    std::optional<WorkshopStart> workshop;
    /// Where settings are kept; unset = default_settings_file() (the browser build
    /// keeps them in its persistent storage instead).
    std::optional<std::filesystem::path> settings_file;
    ResultsSaved on_results_saved;
    /// `play --gui --lang L`: play in this language for this run, whatever the settings say
    /// (not saved; "" plays the scenario as written).
    std::optional<std::string> language;
};

/// Where the game keeps its settings: %APPDATA%\Frontline\settings.ini on Windows,
/// else $XDG_CONFIG_HOME/frontline/settings.ini or ~/.config/frontline/settings.ini;
/// nullopt when there is no such folder (then settings last for one run).
std::optional<std::filesystem::path> default_settings_file();

/// Opens the game window and runs until the trainee quits. Returns the process
/// exit code (0 on a normal quit, 1 if the window could not be created or, in
/// screenshot mode, if a screenshot could not be written).
int run_game(const GameOptions& options);

}  // namespace frontline
