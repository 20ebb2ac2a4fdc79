// `frontline paths`: where this copy of Frontline reads its data and keeps yours,
// so a facilitator can find the results file and an installer can be checked.
// Also the top-level `--scenarios DIR` option the game and `check` share.
#include "commands.hpp"
#include "data_dirs.hpp"
#include "results_recording.hpp"

#ifdef FRONTLINE_HAS_GAME
#include "frontline/game.hpp"
#endif

#include <cstdlib>
#include <ostream>

namespace frontline::cli {

void add_scenarios_option(CLI::App& app) {
    app.add_option("--scenarios", "An organisation's scenario folder, added to the bundled library (repeatable; "
                                  "$FRONTLINE_SCENARIOS adds folders too)")
        ->type_name("DIR")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

std::vector<std::filesystem::path> chosen_scenario_library(const CLI::App& root) {
    std::vector<std::string> extra;
    if (const CLI::Option* o = root.get_option_no_throw("--scenarios"); o && o->count() > 0)
        extra = o->as<std::vector<std::string>>();
    return scenario_library(extra);
}

void add_paths_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand(
        "paths", "Show where Frontline reads its scenarios and assets, and where it keeps settings and results");
    cmd->callback([cmd, &action] {
        const CLI::App& root = *cmd->get_parent();
        std::vector<std::filesystem::path> library = chosen_scenario_library(root);
        std::filesystem::path results = chosen_results_path(root, "");
        action = [library, results](Io& io) {
            DataDirs dirs = data_dirs();
            io.out << "installed: " << (dirs.installed ? "yes" : "no (running from a build folder)") << '\n';
            for (const auto& s : library) io.out << "scenarios: " << s.string() << '\n';
            for (const auto& a : dirs.assets) io.out << "assets: " << a.string() << '\n';
#ifdef FRONTLINE_HAS_GAME
            if (auto settings = default_settings_file()) io.out << "settings: " << settings->string() << '\n';
            else io.out << "settings: (not saved: no home folder)\n";
#endif
            io.out << "results: " << results.string() << '\n';
            return exit_ok;
        };
    });
}

}  // namespace frontline::cli
