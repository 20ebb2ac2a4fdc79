// The `frontline` subcommands. Each registers itself on the CLI11 app and
// returns its exit code through the shared CommandResult; main() stays a table.
// Exit codes: 0 success, 1 the scenario (or the play) has errors, 2 usage or I/O error.
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <vector>

namespace frontline::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_errors = 1;
inline constexpr int exit_usage = 2;

/// Streams the commands write to, so tests can capture them.
struct Io {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    bool interactive = false;  ///< stdin is a terminal
};

/// What a subcommand registers: its CLI11 parser and the action to run once parsed.
using Action = std::function<int(Io&)>;

void add_check_command(CLI::App& app, Action& action);
void add_play_command(CLI::App& app, Action& action);
/// `results`: trainees, attempts, CSV/xAPI export, LRS send (commands/results.cpp).
void add_results_command(CLI::App& app, Action& action);
/// Authoring toolkit (commands/{lint,graph,test,import}.cpp, on frontline::authoring).
void add_lint_command(CLI::App& app, Action& action);
void add_graph_command(CLI::App& app, Action& action);
void add_test_command(CLI::App& app, Action& action);
void add_import_command(CLI::App& app, Action& action);
void add_workshop_command(CLI::App& app, Action& action);
/// `i18n extract|merge|status`: gettext catalogues for scenarios (commands/i18n.cpp).
void add_i18n_command(CLI::App& app, Action& action);

/// `package cmi5`: a course zip for an LMS, holding the web build (commands/package.cpp).
void add_package_command(CLI::App& app, Action& action);
/// `voice render`: every customer line as a WAV for review (commands/voice.cpp; with the game only).
void add_voice_command(CLI::App& app, Action& action);

/// `paths`: where this copy reads its scenarios and assets and keeps settings and results.
void add_paths_command(CLI::App& app, Action& action);

/// Adds `--scenarios DIR` (repeatable) to the top-level app: an organisation's own
/// library, added to the bundled scenarios (as $FRONTLINE_SCENARIOS is).
void add_scenarios_option(CLI::App& app);

/// The library the game and a bare `frontline check` use: bundled, $FRONTLINE_SCENARIOS,
/// then the top-level `--scenarios` folders of `root` (the app run_cli built).
std::vector<std::filesystem::path> chosen_scenario_library(const CLI::App& root);

/// Runs the whole command line; what main() calls and what CLI tests call.
int run_cli(int argc, const char* const* argv, Io& io);

}  // namespace frontline::cli
