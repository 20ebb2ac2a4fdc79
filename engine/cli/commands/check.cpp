// `frontline check [PATH...]`: read and check scenario files, GCC-style diagnostics.
// With no paths it checks the library the game would open (bundled + added).
#include "commands.hpp"
#include "terminal.hpp"

#include "frontline/reader.hpp"

#include <map>
#include <ostream>

namespace frontline::cli {

void add_check_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("check", "Check scenario files and folders; print every problem as file:line:col");
    struct Options {
        std::vector<std::string> paths;
        bool strict = false;
        bool quiet = false;
    };
    auto opts = std::make_shared<Options>();
    cmd->add_option("paths", opts->paths,
                    "Scenario files or folders (searched for *.yaml); default: the game's library (the bundled "
                    "scenarios, $FRONTLINE_SCENARIOS and --scenarios)");
    cmd->add_flag("--strict", opts->strict, "Treat warnings as errors (exit 1 on any warning)");
    cmd->add_flag("-q,--quiet", opts->quiet, "Print only problems, no summary");
    cmd->callback([cmd, opts, &action] {
        std::vector<std::filesystem::path> inputs(opts->paths.begin(), opts->paths.end());
        if (inputs.empty()) inputs = chosen_scenario_library(*cmd->get_parent());
        action = [opts, inputs](Io& io) {
            std::vector<std::string> missing;
            auto files = find_scenario_files(inputs, missing);
            for (const auto& m : missing) io.err << "frontline check: " << m << ": no such file or folder\n";
            if (!missing.empty()) return exit_usage;
            if (files.empty()) {
                io.err << "frontline check: no scenario files (*.yaml) found\n";
                return exit_usage;
            }
            int errors = 0, warnings = 0;
            bool io_error = false;
            std::map<std::string, std::string> ids;  // scenario id -> first file
            for (const auto& file : files) {
                LoadedScenario loaded = load_scenario(file);
                if (loaded.scenario) {
                    const Scenario& s = *loaded.scenario;
                    auto [it, fresh] = ids.emplace(s.id, file.string());
                    if (!fresh)
                        loaded.diagnostics.error(codes::duplicate_scenario_id, s.id_pos,
                                                 "scenario id '" + s.id + "' is already used by " + it->second);
                }
                io_error |= loaded.io_error;
                print_diagnostics(io.err, loaded.diagnostics);
                errors += loaded.diagnostics.error_count();
                warnings += loaded.diagnostics.warning_count();
            }
            if (!opts->quiet)
                io.out << "checked " << files.size() << (files.size() == 1 ? " file: " : " files: ") << errors
                       << (errors == 1 ? " error, " : " errors, ") << warnings << (warnings == 1 ? " warning\n" : " warnings\n");
            if (io_error) return exit_usage;
            if (errors > 0 || (opts->strict && warnings > 0)) return exit_errors;
            return exit_ok;
        };
    });
}

}  // namespace frontline::cli
