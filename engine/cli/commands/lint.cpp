// `frontline lint PATH...`: everything `check` says, then the authoring lint over
// the reachable states: diagnostics on stderr, a readable report on stdout, or
// one JSON document with --json.
#include "commands.hpp"
#include "terminal.hpp"

#include "frontline/lint.hpp"
#include "frontline/reader.hpp"
#include "frontline/translation.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <ostream>

namespace frontline::cli {

namespace {

struct LintCommandOptions {
    std::vector<std::string> paths;
    bool json = false;
    bool strict = false;
    bool quiet = false;
    size_t max_states = default_state_limit;
    std::string language;  ///< --lang: also check this translation
};

/// FL100 for each text with no translation into `language`, FL101 for each whose
/// translation was made from different English; a catalogue that cannot be read is an
/// error printed as `file:line: error: ...` (counted in `po_errors`).
void check_translation(const std::filesystem::path& file, const Scenario& s, const std::string& language,
                       DiagnosticList& diags, int& po_errors, Io& io) {
    std::vector<std::string> errors;
    bool found = false;
    auto catalogue = load_scenario_catalogue(file, s.id, language, errors, &found);
    for (const auto& e : errors) io.err << e << '\n';
    po_errors += static_cast<int>(errors.size());
    if (!catalogue) return;
    const auto path = scenario_translation_path(file, s.id, language).string();
    if (!found) {
        diags.warning(codes::translation_missing, s.id_pos,
                      "no '" + language + "' translation: " + path + " does not exist (frontline i18n merge --lang " +
                          language + " creates it)");
        return;
    }
    Scenario copy = s;
    for (const auto& left : translate_scenario(copy, *catalogue)) {
        if (left.state == Catalogue::State::stale)
            diags.warning(codes::translation_stale, left.pos,
                          "the '" + language + "' translation of " + std::string(text_role_name(left.role)) + " '" +
                              left.id + "' was made from different text; it is shown in the original until " + path +
                              " is updated (i18n merge) and reviewed");
        else
            diags.warning(codes::translation_missing, left.pos,
                          std::string(text_role_name(left.role)) + " '" + left.id + "' has no '" + language +
                              "' translation in " + path + "; it is shown in the original");
    }
}

nlohmann::json diagnostic_json(const Diagnostic& d) {
    return {{"file", d.file}, {"line", d.pos.line}, {"column", d.pos.column},
            {"severity", d.severity == Severity::error ? "error" : "warning"}, {"code", d.code}, {"message", d.message}};
}

nlohmann::json path_json(const Scenario& s, const PathSummary& p) {
    if (!p.found) return nullptr;
    nlohmann::json turns = nlohmann::json::array();
    for (size_t i = 0; i < p.says.size(); ++i) turns.push_back({{"choice", p.choices[i]}, {"say", p.says[i]}});
    return {{"ending", s.ending(p.ending).id},
            {"technical", p.technical},
            {"personal", p.personal},
            {"technical_percent", p.technical_percent},
            {"personal_percent", p.personal_percent},
            {"mood", p.mood},
            {"turns", turns}};
}

nlohmann::json range_json(const ValueRange& r) {
    nlohmann::json j = {{"min", r.min}, {"max", r.max}};
    if (r.min_unbounded) j["min"] = nullptr;
    return j;
}

nlohmann::json report_json(const Scenario& s, const LintReport& r) {
    nlohmann::json endings = nlohmann::json::array();
    for (size_t i = 0; i < s.endings.size(); ++i) {
        const EndingReport& e = r.endings[i];
        nlohmann::json j = {{"id", s.endings[i].id}, {"outcome", outcome_name(s.endings[i].outcome)}, {"reachable", e.reachable}};
        if (e.reachable && r.ending_quadrants.checked) {
            nlohmann::json quadrants = nlohmann::json::array();
            for (int q = 0; q < quadrant_count; ++q)
                if (r.ending_quadrants.reached[i] & (1u << q)) quadrants.push_back(quadrant_id(static_cast<Quadrant>(q)));
            j["quadrants"] = quadrants;
        }
        if (e.reachable) {
            j["technical"] = range_json(e.technical);
            j["personal"] = range_json(e.personal);
            j["mood"] = range_json(e.mood);
        }
        endings.push_back(j);
    }
    auto say = [&](int node, int choice) { return s.node(node).choice(choice).say; };
    nlohmann::json trade_offs = nlohmann::json::array(), dominated = nlohmann::json::array();
    for (const TradeOff& t : r.trade_offs)
        trade_offs.push_back({{"node", s.node(t.node).id},
                              {"technical_choice", say(t.node, t.technical_choice)},
                              {"personal_choice", say(t.node, t.personal_choice)}});
    for (const DominatedChoice& d : r.dominated)
        dominated.push_back(
            {{"node", s.node(d.node).id}, {"choice", say(d.node, d.choice)}, {"by", say(d.node, d.by)}});
    nlohmann::json j = {{"states", r.states},
                        {"moves", r.moves},
                        {"best_technical", r.best_technical},
                        {"best_personal", r.best_personal},
                        {"full_technical", r.full_technical},
                        {"full_personal", r.full_personal},
                        {"endings", endings},
                        {"paths",
                         {{"best", path_json(s, r.best_path)},
                          {"best_technical", path_json(s, r.best_technical_path)},
                          {"worst_technical", path_json(s, r.worst_technical_path)},
                          {"best_personal", path_json(s, r.best_personal_path)},
                          {"worst_personal", path_json(s, r.worst_personal_path)}}},
                        {"trade_offs", trade_offs},
                        {"dominated", dominated}};
    nlohmann::json blind = nlohmann::json::array();
    for (const BlindProbe& b : r.blind)
        blind.push_back({{"rule", blind_rule_id(b.rule)}, {"title", blind_rule_title(b.rule)}, {"finished", b.finished},
                         {"quadrant", b.finished ? nlohmann::json(quadrant_id(b.quadrant)) : nlohmann::json(nullptr)},
                         {"path", path_json(s, b.path)}});
    nlohmann::json shares = nlohmann::json::object();
    for (int q = 0; q < quadrant_count; ++q)
        shares[std::string(quadrant_id(static_cast<Quadrant>(q)))] = r.random.quadrant_share[static_cast<size_t>(q)];
    j["probes"] = {{"blind", blind},
                   {"random", {{"calls", r.random.calls}, {"seed", r.random.seed}, {"technical_percent", r.random.technical_percent},
                               {"personal_percent", r.random.personal_percent}, {"quadrants", shares}}},
                   {"length", {{"choice_points", r.length.choice_points}, {"best_is_longest", r.length.best_is_longest},
                               {"cold_efficient", r.length.cold_efficient}}}};
    if (r.say_no.applies)
        j["say_no"] = {{"checked", r.say_no.checked}, {"best_personal_percent", r.say_no.best_personal_percent},
                       {"path", path_json(s, r.say_no.path)}};
    return j;
}

int run_lint(const LintCommandOptions& opts, Io& io) {
    std::vector<std::filesystem::path> inputs(opts.paths.begin(), opts.paths.end());
    std::vector<std::string> missing;
    auto files = find_scenario_files(inputs, missing);
    for (const auto& m : missing) io.err << "frontline lint: " << m << ": no such file or folder\n";
    if (!missing.empty()) return exit_usage;
    if (files.empty()) {
        io.err << "frontline lint: no scenario files (*.yaml) found\n";
        return exit_usage;
    }
    CheckOptions check_options;
    check_options.state_limit = opts.max_states;
    LintOptions lint_options;
    lint_options.state_limit = opts.max_states;

    int errors = 0, warnings = 0, po_errors = 0;
    bool io_error = false;
    std::map<std::string, std::string> ids;  // scenario id -> first file, as `check` does
    nlohmann::json json_files = nlohmann::json::array();
    for (size_t i = 0; i < files.size(); ++i) {
        LoadedScenario loaded = load_scenario(files[i], check_options);
        std::optional<LintReport> report;
        if (loaded.scenario) {
            const Scenario& s = *loaded.scenario;
            auto [it, fresh] = ids.emplace(s.id, files[i].string());
            if (!fresh)
                loaded.diagnostics.error(codes::duplicate_scenario_id, s.id_pos,
                                         "scenario id '" + s.id + "' is already used by " + it->second);
            report = lint_scenario(s, loaded.diagnostics, lint_options);
            if (!opts.language.empty())
                check_translation(files[i], s, opts.language, loaded.diagnostics, po_errors, io);
        }
        io_error |= loaded.io_error;
        errors += loaded.diagnostics.error_count();
        warnings += loaded.diagnostics.warning_count();
        if (opts.json) {
            nlohmann::json diags = nlohmann::json::array();
            for (const Diagnostic& d : loaded.diagnostics.items()) diags.push_back(diagnostic_json(d));
            json_files.push_back({{"file", files[i].string()}, {"diagnostics", diags},
                                  {"report", report ? report_json(*loaded.scenario, *report) : nlohmann::json(nullptr)}});
            continue;
        }
        print_diagnostics(io.err, loaded.diagnostics);
        if (report && !opts.quiet) io.out << (i > 0 ? "\n" : "") << format_lint_report(*loaded.scenario, *report);
    }
    if (opts.json) {
        io.out << nlohmann::json{{"files", json_files}, {"errors", errors}, {"warnings", warnings}}.dump(2) << '\n';
    } else if (!opts.quiet) {
        io.out << "\nlinted " << files.size() << (files.size() == 1 ? " file: " : " files: ") << errors
               << (errors == 1 ? " error, " : " errors, ") << warnings << (warnings == 1 ? " warning\n" : " warnings\n");
    }
    if (io_error) return exit_usage;
    if (errors > 0 || po_errors > 0 || (opts.strict && warnings > 0)) return exit_errors;
    return exit_ok;
}

}  // namespace

void add_lint_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("lint", "Check scenarios, then analyse every reachable situation: dead choices, traps, "
                                           "what each ending scores, best and worst paths, trade-offs");
    auto opts = std::make_shared<LintCommandOptions>();
    cmd->add_option("paths", opts->paths, "Scenario files or folders (searched for *.yaml)")->required();
    cmd->add_flag("--json", opts->json, "Print one JSON document (diagnostics and reports) for tools");
    cmd->add_option(
           "--lang", opts->language,
           "Also check each scenario's translation into this language (i18n/LANG/<id>.po): every text missing or stale")
        ->check([](const std::string& l) {
            return valid_language_code(l) ? std::string() : "not a language code like fr or pt_BR: " + l;
        });
    cmd->add_flag("--strict", opts->strict, "Treat warnings as errors (exit 1 on any warning)");
    cmd->add_flag("-q,--quiet", opts->quiet, "Print only problems, no report");
    cmd->add_option("--max-states", opts->max_states, "Stop with an error past this many reachable situations")
        ->check(CLI::Range(size_t{1}, size_t{50'000'000}));
    cmd->callback([opts, &action] { action = [opts](Io& io) { return run_lint(*opts, io); }; });
}

}  // namespace frontline::cli
