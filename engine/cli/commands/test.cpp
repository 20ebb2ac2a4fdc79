// `frontline test PATH...`: run the walkthroughs pinned in each scenario's
// `tests:` list and in its sidecar `*.test.yaml`; failures are diagnostics at the
// line of the failing step or expectation. `--random N` instead plays N seeded random
// calls per scenario and reports what was reached and what never was.
#include "commands.hpp"
#include "terminal.hpp"

#include "frontline/random_coverage.hpp"
#include "frontline/reader.hpp"
#include "frontline/walkthrough.hpp"
#include "frontline/walkthrough_reader.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ostream>

namespace frontline::cli {

namespace {

struct TestCommandOptions {
    std::vector<std::string> paths;
    bool quiet = false;
    std::optional<size_t> random;  ///< --random N: random testing instead of walkthroughs
    std::optional<uint64_t> seed;
    size_t max_turns = RandomCoverageOptions{}.turn_limit;
    bool json = false;
    bool strict = false;
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
        results.error(
            codes::no_walkthroughs, s.id_pos,
            "no walkthroughs: add a 'tests:' list to the scenario or a sidecar " + sidecar.filename().string());
        tally.files_failed += 1;
    }
    results.sort_by_position();
    sidecar_results.sort_by_position();
    print_diagnostics(io.err, results);
    print_diagnostics(io.err, sidecar_results);
}

/// The scenario files under `inputs`; empty (and the reason on stderr) when one is
/// missing or none is found, which is a usage error for both kinds of test run.
std::vector<std::filesystem::path> scenario_files_or_complain(const std::vector<std::filesystem::path>& inputs,
                                                              Io& io) {
    std::vector<std::string> missing;
    auto files = find_scenario_files(inputs, missing);
    for (const auto& m : missing) io.err << "frontline test: " << m << ": no such file or folder\n";
    if (!missing.empty()) return {};
    if (files.empty()) io.err << "frontline test: no scenario files (*.yaml) found\n";
    return files;
}

int run_tests(const TestCommandOptions& opts, Io& io) {
    std::vector<std::filesystem::path> inputs;
    for (const auto& p : opts.paths) inputs.push_back(scenario_of(p));
    const auto files = scenario_files_or_complain(inputs, io);
    if (files.empty()) return exit_usage;
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

// --- random testing ---------------------------------------------------------------------

std::string percent(size_t part, size_t whole) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%5.1f%%",
                  whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0);
    return buf;
}

/// `count` right-aligned in 8 columns, then its share: the columns of the text report.
std::string tally_column(size_t count, size_t whole) {
    std::string n = std::to_string(count);
    return std::string(n.size() < 8 ? 8 - n.size() : 0, ' ') + n + "  " + percent(count, whole);
}

void print_coverage(std::ostream& out, const Scenario& s, const RandomCoverage& c) {
    out << "  " << c.calls << (c.calls == 1 ? " random call" : " random calls") << " (seed " << c.seed
        << "): " << c.ended << " ended, " << c.stuck << " stuck, " << c.cut_off << " cut off at the turn limit";
    if (c.calls > 0) {
        char turns[32];
        std::snprintf(turns, sizeof turns, "%.1f", static_cast<double>(c.turns) / static_cast<double>(c.calls));
        out << "; " << turns << " choices a call";
    }
    out << "\n  calls that reached each node and took each choice:\n";
    for (size_t n = 0; n < s.nodes.size(); ++n) {
        out << tally_column(c.node_calls[n], c.calls) << "  node " << s.nodes[n].id << "\n";
        for (size_t k = 0; k < s.nodes[n].choices.size(); ++k) {
            std::string say = s.nodes[n].choices[k].say;
            if (say.size() > 60) {
                size_t cut = 57;
                while (cut > 0 && (static_cast<unsigned char>(say[cut]) & 0xC0) == 0x80)
                    --cut;  // not inside a character
                say = say.substr(0, cut) + "...";
            }
            out << tally_column(c.choice_calls[n][k], c.calls) << "    \"" << say << "\"\n";
        }
    }
    out << "  calls that ended at each ending:\n";
    for (size_t e = 0; e < s.endings.size(); ++e)
        out << tally_column(c.ending_calls[e], c.calls) << "  ending " << s.endings[e].id << " ("
            << outcome_name(s.endings[e].outcome) << ")\n";
}

nlohmann::json coverage_json(const Scenario& s, const RandomCoverage& c) {
    nlohmann::json nodes = nlohmann::json::array(), endings = nlohmann::json::array();
    for (size_t n = 0; n < s.nodes.size(); ++n) {
        nlohmann::json choices = nlohmann::json::array();
        for (size_t k = 0; k < s.nodes[n].choices.size(); ++k)
            choices.push_back({{"say", s.nodes[n].choices[k].say},
                               {"line", s.nodes[n].choices[k].pos.line},
                               {"calls", c.choice_calls[n][k]}});
        nodes.push_back(
            {{"id", s.nodes[n].id}, {"line", s.nodes[n].pos.line}, {"calls", c.node_calls[n]}, {"choices", choices}});
    }
    for (size_t e = 0; e < s.endings.size(); ++e)
        endings.push_back({{"id", s.endings[e].id},
                           {"outcome", outcome_name(s.endings[e].outcome)},
                           {"line", s.endings[e].pos.line},
                           {"calls", c.ending_calls[e]}});
    return {{"calls", c.calls},     {"seed", c.seed},   {"ended", c.ended}, {"stuck", c.stuck},
            {"cut_off", c.cut_off}, {"turns", c.turns}, {"nodes", nodes},   {"endings", endings}};
}

nlohmann::json diagnostic_json(const Diagnostic& d) {
    return {{"file", d.file},         {"line", d.pos.line},
            {"column", d.pos.column}, {"severity", d.severity == Severity::error ? "error" : "warning"},
            {"code", d.code},         {"message", d.message}};
}

int run_random(const std::vector<std::filesystem::path>& inputs, const TestCommandOptions& opts, Io& io) {
    const auto files = scenario_files_or_complain(inputs, io);
    if (files.empty()) return exit_usage;
    RandomCoverageOptions options;
    options.calls = *opts.random;
    options.seed = opts.seed.value_or(options.seed);
    options.turn_limit = opts.max_turns;
    int errors = 0, warnings = 0;
    bool io_error = false;
    nlohmann::json json_files = nlohmann::json::array();
    for (size_t i = 0; i < files.size(); ++i) {
        LoadedScenario loaded = load_scenario(files[i]);
        io_error |= loaded.io_error;
        std::optional<RandomCoverage> coverage;
        DiagnosticList& diags = loaded.diagnostics;
        if (loaded.scenario && !diags.has_errors()) {
            coverage = random_coverage(*loaded.scenario, options);
            report_unreached(*loaded.scenario, *coverage, diags);
        }
        errors += diags.error_count();
        warnings += diags.warning_count();
        if (opts.json) {
            nlohmann::json d = nlohmann::json::array();
            for (const Diagnostic& x : diags.items()) d.push_back(diagnostic_json(x));
            json_files.push_back(
                {{"file", files[i].string()},
                 {"diagnostics", d},
                 {"coverage", coverage ? coverage_json(*loaded.scenario, *coverage) : nlohmann::json(nullptr)}});
            continue;
        }
        print_diagnostics(io.err, diags);
        if (!coverage) {
            io.out << (i > 0 ? "\n" : "") << files[i].string() << ": not tested, the scenario has errors\n";
            continue;
        }
        if (!opts.quiet) {
            io.out << (i > 0 ? "\n" : "") << files[i].string() << "\n";
            print_coverage(io.out, *loaded.scenario, *coverage);
        }
    }
    if (opts.json) {
        io.out << nlohmann::json{{"files", json_files}, {"errors", errors}, {"warnings", warnings}}.dump(2) << '\n';
    } else {
        io.out << "\nplayed " << options.calls << (options.calls == 1 ? " random call" : " random calls") << " (seed "
               << options.seed << ") in " << files.size() << (files.size() == 1 ? " file: " : " files: ") << errors
               << (errors == 1 ? " error, " : " errors, ") << warnings
               << (warnings == 1 ? " warning\n" : " warnings\n");
    }
    if (io_error) return exit_usage;
    if (errors > 0 || (opts.strict && warnings > 0)) return exit_errors;
    return exit_ok;
}

}  // namespace

void add_test_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("test", "Run the walkthroughs in scenarios' 'tests:' lists and sidecar *.test.yaml files");
    auto opts = std::make_shared<TestCommandOptions>();
    cmd->add_option(
        "paths", opts->paths,
        "Scenario files, sidecar *.test.yaml files or folders (with --random, default: the game's library)");
    cmd->add_flag("-q,--quiet", opts->quiet,
                  "List only failing walkthroughs (with --random: only the warnings and the total)");
    auto* random =
        cmd->add_option(
               "--random", opts->random,
               "Instead of the walkthroughs, play N seeded random calls per scenario and report how often each "
               "node, choice and ending was reached; what never was is a warning")
            ->check(CLI::Range(size_t{1}, size_t{10'000'000}));
    cmd->add_option("--seed", opts->seed, "With --random: the seed (default 1); the same seed gives the same report")
        ->needs(random);
    cmd->add_option("--max-turns", opts->max_turns, "With --random: stop a call after this many choices (default 1000)")
        ->check(CLI::Range(size_t{1}, size_t{1'000'000}))
        ->needs(random);
    cmd->add_flag("--json", opts->json, "With --random: print one JSON document")->needs(random);
    cmd->add_flag("--strict", opts->strict, "With --random: exit 1 when anything was never reached")->needs(random);
    cmd->callback([cmd, opts, &action] {
        if (opts->random) {
            std::vector<std::filesystem::path> inputs(opts->paths.begin(), opts->paths.end());
            if (inputs.empty()) inputs = chosen_scenario_library(*cmd->get_parent());
            action = [opts, inputs](Io& io) { return run_random(inputs, *opts, io); };
            return;
        }
        if (opts->paths.empty()) throw CLI::RequiredError("paths (or --random N)");
        action = [opts](Io& io) { return run_tests(*opts, io); };
    });
}

}  // namespace frontline::cli
