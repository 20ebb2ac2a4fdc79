// `frontline test PATH...`: run the walkthroughs pinned in each scenario's
// `tests:` list and in its sidecar `*.test.yaml`; failures are diagnostics at the
// line of the failing step or expectation.
#include "commands.hpp"
#include "terminal.hpp"

#include "frontline/reader.hpp"
#include "frontline/walkthrough.hpp"
#include "frontline/walkthrough_reader.hpp"

#include <ostream>

namespace frontline::cli {

namespace {

struct TestCommandOptions {
    std::vector<std::string> paths;
    bool quiet = false;
};

bool is_sidecar(const std::filesystem::path& p) {
    const std::string name = p.filename().string();
    auto ends_with = [&](std::string_view s) { return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0; };
    return ends_with(".test.yaml") || ends_with(".test.yml");
}

/// A sidecar named on the command line stands for its scenario.
std::filesystem::path scenario_of(const std::filesystem::path& p) {
    if (!is_sidecar(p)) return p;
    std::filesystem::path out = p;
    const std::string ext = p.extension().string();
    return out.replace_extension().replace_extension(ext);
}

struct Tally {
    int files_failed = 0;
    int passed = 0;
    int failed = 0;
    bool io_error = false;
};

/// Runs `tests` (written in the file `diags` names) and prints one line each.
void run_list(const Scenario& s, const ScoreBounds& bounds, const std::vector<Walkthrough>& tests, DiagnosticList& diags,
              bool quiet, Io& io, Tally& tally) {
    for (const Walkthrough& w : tests) {
        WalkthroughResult r = run_walkthrough(s, bounds, w, diags);
        (r.passed ? tally.passed : tally.failed) += 1;
        if (!r.passed || !quiet) io.out << (r.passed ? "  ok    " : "  FAIL  ") << w.name << "\n";
    }
}

void test_file(const std::filesystem::path& file, const TestCommandOptions& opts, Io& io, Tally& tally) {
    LoadedScenario loaded = load_scenario(file);
    if (!loaded.scenario || !loaded.bounds) {
        print_diagnostics(io.err, loaded.diagnostics);
        tally.io_error |= loaded.io_error;
        tally.files_failed += 1;
        io.out << file.string() << ": not tested, the scenario has errors\n";
        return;
    }
    const Scenario& s = *loaded.scenario;
    io.out << file.string() << "\n";
    DiagnosticList results(file.string());
    run_list(s, *loaded.bounds, s.tests, results, opts.quiet, io, tally);

    size_t count = s.tests.size();
    const std::filesystem::path sidecar = sidecar_path(file);
    std::error_code ec;
    DiagnosticList sidecar_results(sidecar.string());
    if (std::filesystem::exists(sidecar, ec)) {
        if (auto tests = load_walkthroughs(sidecar, sidecar_results)) {
            count += tests->size();
            run_list(s, *loaded.bounds, *tests, sidecar_results, opts.quiet, io, tally);
        } else {
            tally.files_failed += 1;
        }
    }
    if (count == 0 && !sidecar_results.has_errors()) {
        results.error(codes::no_walkthroughs, s.id_pos, "no walkthroughs: add a 'tests:' list to the scenario or a sidecar " +
                                             sidecar.filename().string());
        tally.files_failed += 1;
    }
    results.sort_by_position();
    sidecar_results.sort_by_position();
    print_diagnostics(io.err, results);
    print_diagnostics(io.err, sidecar_results);
}

int run_tests(const TestCommandOptions& opts, Io& io) {
    std::vector<std::filesystem::path> inputs;
    for (const auto& p : opts.paths) inputs.push_back(scenario_of(p));
    std::vector<std::string> missing;
    auto files = find_scenario_files(inputs, missing);
    for (const auto& m : missing) io.err << "frontline test: " << m << ": no such file or folder\n";
    if (!missing.empty()) return exit_usage;
    if (files.empty()) {
        io.err << "frontline test: no scenario files (*.yaml) found\n";
        return exit_usage;
    }
    Tally tally;
    for (const auto& file : files) test_file(file, opts, io, tally);
    const int total = tally.passed + tally.failed;
    io.out << "\nran " << total << (total == 1 ? " walkthrough" : " walkthroughs") << " in " << files.size()
           << (files.size() == 1 ? " file: " : " files: ") << tally.passed << " passed, " << tally.failed << " failed";
    if (tally.files_failed > 0) io.out << ", " << tally.files_failed << (tally.files_failed == 1 ? " file" : " files") << " with errors";
    io.out << "\n";
    if (tally.io_error) return exit_usage;
    return tally.failed > 0 || tally.files_failed > 0 ? exit_errors : exit_ok;
}

}  // namespace

void add_test_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("test", "Run the walkthroughs in scenarios' 'tests:' lists and sidecar *.test.yaml files");
    auto opts = std::make_shared<TestCommandOptions>();
    cmd->add_option("paths", opts->paths, "Scenario files, sidecar *.test.yaml files or folders")->required();
    cmd->add_flag("-q,--quiet", opts->quiet, "List only failing walkthroughs");
    cmd->callback([opts, &action] { action = [opts](Io& io) { return run_tests(*opts, io); }; });
}

}  // namespace frontline::cli
