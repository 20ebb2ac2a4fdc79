// `frontline results`: trainees and attempts in the results store, exports
// (CSV, xAPI JSON lines) and sending to a Learning Record Store.
// Sections: options; opening the store; trainees/list/show/discard; export; send; registration.
#include "commands.hpp"
#include "results_recording.hpp"
#include "terminal.hpp"

#include "frontline/reader.hpp"
#include "frontline/results/export.hpp"
#include "frontline/results/lrs.hpp"
#include "frontline/results/report.hpp"
#include "frontline/results/report_html.hpp"
#include "data_dirs.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <ostream>
#include <sstream>

namespace frontline::cli {

namespace {

struct ResultsOptions {
    std::string data;
    std::string trainee;
    std::string scenario;
    bool unfinished = false;
    int64_t attempt = 0;
    std::string format;
    std::string rows = "attempts";
    std::string output;
    std::string iri_base;
    std::string homepage;
    std::string lrs;
    std::string user;
    std::string password;
    size_t batch = 50;
    std::string since;
    int64_t workshop = 0;  ///< 0: none asked for
    bool names = false;
    std::vector<std::string> scenario_paths;
};

// --- Opening the store -------------------------------------------------------------

/// Opens read-only for reading commands, so they work on a read-only data dir and
/// never create a file just to say it is empty.
std::optional<results::ResultsStore> open_store(const CLI::App& root, const ResultsOptions& o,
                                                results::ResultsStore::Access access, Io& io, int& exit_code) {
    const std::filesystem::path file = chosen_results_path(root, o.data);
    auto opened = results::ResultsStore::open(file, access);
    if (opened) return std::move(*opened);
    if (opened.error().kind == results::StoreError::Kind::cannot_open && !std::filesystem::exists(file)) {
        io.out << "No results yet: " << file.string() << " does not exist.\n";
        exit_code = exit_ok;
    } else {
        io.err << "frontline results: " << opened.error().message << '\n';
        exit_code = exit_usage;
    }
    return std::nullopt;
}

std::string percent(double p) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(0) << p << '%';
    return s.str();
}

/// "2025-03-01T09:30:00.120Z" -> "2025-03-01 09:30" for tables.
std::string short_time(const std::string& iso) {
    if (iso.size() < 16) return iso;
    return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

// --- trainees / list / show / discard ------------------------------------------------

int list_trainees(results::ResultsStore& store, Io& io) {
    auto trainees = store.trainees();
    if (!trainees) {
        io.err << "frontline results: " << trainees.error().message << '\n';
        return exit_usage;
    }
    if (trainees->empty()) io.out << "No trainees yet.\n";
    for (const auto& t : *trainees)
        io.out << t.name << "  " << t.attempts << " attempts (" << t.finished << " finished)"
               << (t.last_played_at.empty() ? "" : ", last " + short_time(t.last_played_at)) << '\n';
    return exit_ok;
}

int list_attempts(results::ResultsStore& store, const ResultsOptions& o, Io& io) {
    results::AttemptFilter f;
    f.trainee = o.trainee;
    f.scenario_id = o.scenario;
    f.unfinished_only = o.unfinished;
    auto attempts = store.attempts(f);
    if (!attempts) {
        io.err << "frontline results: " << attempts.error().message << '\n';
        return exit_usage;
    }
    if (attempts->empty()) io.out << "No attempts" << (o.trainee.empty() ? "" : " for " + o.trainee) << ".\n";
    for (const auto& a : *attempts) {
        io.out << std::setw(5) << a.id << "  " << short_time(a.started_at) << "  " << a.trainee << "  " << a.scenario_id
               << "  " << results::mode_id(a.mode) << "  ";
        if (a.score)
            io.out << quadrant_title(a.score->quadrant) << " (technical " << percent(a.score->technical_percent)
                   << ", personal " << percent(a.score->personal_percent) << ")";
        else
            io.out << "unfinished after " << a.choices << (a.choices == 1 ? " choice" : " choices");
        io.out << '\n';
    }
    return exit_ok;
}

int show_attempt(results::ResultsStore& store, int64_t id, Io& io) {
    auto found = store.attempt(id);
    if (!found) {
        io.err << "frontline results: " << found.error().message << '\n';
        return found.error().kind == results::StoreError::Kind::invalid ? exit_errors : exit_usage;
    }
    const results::AttemptSummary& a = found->summary;
    io.out << "Attempt " << a.id << ": " << a.trainee << " on " << a.scenario_title << " (" << a.scenario_id << ", version "
           << a.content_hash << ")\n";
    io.out << "Mode " << results::mode_id(a.mode) << ", played in the " << a.front_end << ", started " << a.started_at;
    io.out << (a.finished() ? ", finished " + a.finished_at : ", unfinished") << "\nRegistration " << a.registration << "\n\n";
    for (const results::ChoiceRecord& c : found->choices) {
        io.out << "Turn " << c.turn + 1 << " at " << c.node << ": \"" << c.say << "\"\n   technical "
               << signed_number(c.technical) << " | personal " << signed_number(c.personal) << " | mood "
               << signed_number(c.mood) << " -> " << c.mood_after << " | " << std::fixed << std::setprecision(1)
               << c.seconds << " s";
        for (size_t i = 0; i < c.skills.size(); ++i) io.out << (i ? ", " : " | ") << c.skills[i];
        io.out << '\n';
    }
    if (const auto& s = a.score) {
        io.out << "\nEnding " << s->ending << " (" << outcome_name(s->outcome) << "), mood " << s->mood << '\n';
        io.out << "Technical need: " << s->technical << " of " << s->best_technical << " = "
               << percent(s->technical_percent) << (s->technical_met ? " (met, pass " : " (not met, pass ")
               << s->technical_pass << "%)\n";
        io.out << "Personal need:  " << s->personal << " of " << s->best_personal << " = " << percent(s->personal_percent)
               << (s->personal_met ? " (met, pass " : " (not met, pass ") << s->personal_pass << "%)\n";
        io.out << "Quadrant: " << quadrant_title(s->quadrant) << '\n';
    }
    return exit_ok;
}

int discard_attempt(results::ResultsStore& store, int64_t id, Io& io) {
    auto found = store.attempt(id);
    if (found && found->summary.finished()) {
        io.err << "frontline results: attempt " << id << " is finished; only unfinished attempts can be discarded\n";
        return exit_errors;
    }
    if (auto done = store.discard_attempt(id); !done) {
        io.err << "frontline results: " << done.error().message << '\n';
        return done.error().kind == results::StoreError::Kind::invalid ? exit_errors : exit_usage;
    }
    io.out << "Discarded attempt " << id << ".\n";
    return exit_ok;
}

// --- export --------------------------------------------------------------------

results::XapiOptions xapi_options(const ResultsOptions& o) {
    results::XapiOptions x;
    if (!o.iri_base.empty()) x.iri_base = o.iri_base;
    if (!o.homepage.empty()) x.account_homepage = o.homepage;
    return x;
}

int export_results(results::ResultsStore& store, const ResultsOptions& o, Io& io) {
    results::AttemptFilter f;
    f.trainee = o.trainee;
    f.scenario_id = o.scenario;
    auto details = store.attempt_details(f);
    if (!details) {
        io.err << "frontline results: " << details.error().message << '\n';
        return exit_usage;
    }
    std::ofstream file;
    if (!o.output.empty()) {
        file.open(o.output, std::ios::binary);
        if (!file) {
            io.err << "frontline results: cannot write " << o.output << '\n';
            return exit_usage;
        }
    }
    std::ostream& out = o.output.empty() ? io.out : file;
    if (o.format == "csv") {
        if (o.rows == "choices")
            results::write_choices_csv(out, *details);
        else
            results::write_attempts_csv(out, *details);
    } else {
        const results::XapiOptions x = xapi_options(o);
        for (const auto& d : *details)
            for (const auto& statement : results::xapi_statements(d, x)) out << statement.json << '\n';
    }
    out.flush();
    if (!out) {
        io.err << "frontline results: writing the export failed\n";
        return exit_usage;
    }
    return exit_ok;
}

// --- send ----------------------------------------------------------------------

std::string env_or(const std::string& given, const char* name) {
    if (!given.empty()) return given;
    const char* v = std::getenv(name);
    return v ? v : "";
}

int send_results(results::ResultsStore& store, const ResultsOptions& o, Io& io) {
    results::LrsOptions l;
    l.endpoint = o.lrs;
    // Environment variables keep the password out of the shell history and `ps`.
    l.user = env_or(o.user, "FRONTLINE_LRS_USER");
    l.password = env_or(o.password, "FRONTLINE_LRS_PASSWORD");
    l.batch_size = o.batch;
    l.xapi = xapi_options(o);
    l.filter.trainee = o.trainee;
    l.progress = [&io](const std::string& line) { io.out << line << '\n'; };
    const results::SendReport report = results::send_to_lrs(store, l);
    if (!report.ok) {
        io.err << "frontline results send: " << report.error << '\n';
        return exit_errors;
    }
    io.out << "Sent " << report.accepted << " statements in " << report.requests << " requests.\n";
    return exit_ok;
}

}  // namespace

namespace {

// --- report ---------------------------------------------------------------------

/// The scenarios the report reads notes, untaken answers and workshop replays from:
/// the library (bundled, $FRONTLINE_SCENARIOS) and any --scenarios. Files that do not
/// load are skipped (the report then says the file was not found).
std::vector<results::ScenarioFile> scenario_files(const ResultsOptions& o) {
    const std::vector<std::filesystem::path> roots = scenario_library(o.scenario_paths);
    std::vector<results::ScenarioFile> out;
    std::error_code ec;
    const auto add = [&](const std::filesystem::path& file) {
        LoadedScenario loaded = load_scenario(file);
        if (loaded.scenario && loaded.bounds) out.push_back({std::move(*loaded.scenario), *loaded.bounds});
    };
    for (const auto& root : roots) {
        if (std::filesystem::is_regular_file(root, ec)) {
            add(root);
            continue;
        }
        if (!std::filesystem::is_directory(root, ec)) continue;
        for (const auto& entry : std::filesystem::directory_iterator(root, ec))
            if (entry.is_regular_file() && (entry.path().extension() == ".yaml" || entry.path().extension() == ".yml")) add(entry.path());
    }
    return out;
}

std::string now_utc() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
#ifdef _WIN32
    gmtime_s(&tm, &t);
#else
    gmtime_r(&t, &tm);
#endif
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

int write_report(results::ResultsStore& store, const ResultsOptions& o, Io& io) {
    results::ReportFilter f;
    f.trainee = o.trainee;
    f.scenario_id = o.scenario;
    f.since = o.since;
    if (o.workshop > 0) f.workshop = o.workshop;
    auto rows = store.report_rows(f);
    if (!rows) {
        io.err << "frontline results report: " << rows.error().message << '\n';
        return rows.error().kind == results::StoreError::Kind::invalid ? exit_errors : exit_usage;
    }
    const results::Report report = results::build_report(*rows, f, o.names, scenario_files(o), now_utc());
    // Written beside the target and renamed over it, so a failed write never leaves half a report.
    const std::filesystem::path target(o.output);
    const std::filesystem::path partial = target.string() + ".partial";
    {
        std::ofstream file(partial, std::ios::binary | std::ios::trunc);
        if (!file) {
            io.err << "frontline results report: cannot write " << o.output << " (" << std::strerror(errno) << ")\n";
            return exit_usage;
        }
        results::write_report_html(file, report);
        file.flush();
        if (!file) {
            io.err << "frontline results report: writing " << o.output << " failed\n";
            std::error_code ec;
            std::filesystem::remove(partial, ec);
            return exit_usage;
        }
    }
    std::error_code ec;
    std::filesystem::rename(partial, target, ec);
    if (ec) {
        io.err << "frontline results report: cannot write " << o.output << " (" << ec.message() << ")\n";
        std::filesystem::remove(partial, ec);
        return exit_usage;
    }
    io.out << "Wrote " << o.output << ": " << report.finished << " finished and " << report.unfinished << " unfinished calls"
           << (report.workshop ? ", workshop " + std::to_string(report.workshop->id) : std::string()) << ".\n";
    return exit_ok;
}

}  // namespace

// --- Registration ----------------------------------------------------------------

void add_results_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("results", "Trainees' results: list, show, export (CSV, xAPI), send to an LRS");
    cmd->require_subcommand(1);
    cmd->fallthrough();  // so --data works after the sub-subcommand too
    auto o = std::make_shared<ResultsOptions>();
    cmd->add_option("--data", o->data, "Results database file or folder (default $FRONTLINE_DATA, else ~/.local/share/frontline/results.db)");
    CLI::App* root = &app;
    using Access = results::ResultsStore::Access;
    // Each subcommand opens the store when it runs, with the access it needs.
    const auto with_store = [o, root, &action](Access access, std::function<int(results::ResultsStore&, Io&)> run) {
        action = [o, root, access, run](Io& io) {
            int code = exit_ok;
            auto store = open_store(*root, *o, access, io, code);
            return store ? run(*store, io) : code;
        };
    };

    auto* trainees = cmd->add_subcommand("trainees", "List trainee profiles");
    trainees->callback([with_store] { with_store(Access::read_only, list_trainees); });

    auto* list = cmd->add_subcommand("list", "List attempts, oldest first");
    list->add_option("--trainee", o->trainee, "Only this trainee's attempts");
    list->add_option("--scenario", o->scenario, "Only attempts on this scenario id");
    list->add_flag("--unfinished", o->unfinished, "Only unfinished attempts");
    list->callback([with_store, o] { with_store(Access::read_only, [o](auto& s, Io& io) { return list_attempts(s, *o, io); }); });

    auto* show = cmd->add_subcommand("show", "Show one attempt, choice by choice");
    show->add_option("id", o->attempt, "Attempt id (from 'results list')")->required();
    show->callback([with_store, o] { with_store(Access::read_only, [o](auto& s, Io& io) { return show_attempt(s, o->attempt, io); }); });

    auto* discard = cmd->add_subcommand("discard", "Delete an unfinished attempt");
    discard->add_option("id", o->attempt, "Attempt id (from 'results list --unfinished')")->required();
    discard->callback(
        [with_store, o] { with_store(Access::read_write, [o](auto& s, Io& io) { return discard_attempt(s, o->attempt, io); }); });

    auto* exp = cmd->add_subcommand("export", "Export attempts as CSV or xAPI statements (JSON lines)");
    exp->add_option("--format", o->format, "csv or xapi")->required()->check(CLI::IsMember({"csv", "xapi"}));
    exp->add_option("--rows", o->rows, "CSV only: attempts (one row per attempt) or choices (one row per choice)")
        ->check(CLI::IsMember({"attempts", "choices"}));
    exp->add_option("-o,--output", o->output, "Write to this file instead of stdout");
    exp->add_option("--trainee", o->trainee, "Only this trainee's attempts");
    exp->add_option("--scenario", o->scenario, "Only attempts on this scenario id");
    for (CLI::App* sub : {exp, cmd->add_subcommand("send", "Send finished attempts to a Learning Record Store (xAPI 1.0.3)")}) {
        sub->add_option("--iri-base", o->iri_base, "xAPI: base IRI of activity ids and extensions (default https://frontline.example/xapi)");
        sub->add_option("--homepage", o->homepage, "xAPI: actor account homePage (default https://frontline.example)");
    }
    exp->callback([with_store, o] { with_store(Access::read_only, [o](auto& s, Io& io) { return export_results(s, *o, io); }); });

    auto* rep = cmd->add_subcommand("report", "Write one self-contained HTML report: quadrants, replay gain, answer shares, skills, a workshop");
    rep->add_option("-o,--output", o->output, "The HTML file to write")->required();
    rep->add_option("--trainee", o->trainee, "One trainee's report (names shown)");
    rep->add_option("--workshop", o->workshop, "A workshop's report: each turn's split, the scoreboard, the facilitator's notes")
        ->check(CLI::PositiveNumber);
    rep->add_option("--scenario", o->scenario, "Only attempts on this scenario id");
    rep->add_option("--since", o->since, "Only attempts started on or after this day (YYYY-MM-DD, UTC)")
        ->check(CLI::Validator([](std::string& d) { return results::valid_report_date(d) ? std::string() : "'" + d + "' is not a date as YYYY-MM-DD"; }, "DATE"));
    rep->add_flag("--names", o->names, "Show trainee names in a report over several trainees");
    rep->add_option("--scenarios", o->scenario_paths, "Scenario files or folders besides the bundled ones (notes, answers nobody took, workshop replays)");
    rep->callback([o, root, &action] {
        action = [o, root](Io& io) {
            // Unlike listing, a report asked for and not written is an error.
            const std::filesystem::path file = chosen_results_path(*root, o->data);
            if (std::error_code ec; !std::filesystem::exists(file, ec)) {
                io.err << "frontline results report: no results database at " << file.string() << ": nothing to report.\n";
                return exit_errors;
            }
            int code = exit_ok;
            auto store = open_store(*root, *o, Access::read_only, io, code);
            return store ? write_report(*store, *o, io) : code;
        };
    });

    auto* send = cmd->get_subcommand("send");
    send->add_option("--lrs", o->lrs, "The LRS's xAPI endpoint, e.g. https://lrs.example.org/xAPI/")->required();
    send->add_option("--user", o->user, "Basic auth user (or $FRONTLINE_LRS_USER)");
    send->add_option("--password", o->password, "Basic auth password (or $FRONTLINE_LRS_PASSWORD)");
    send->add_option("--batch", o->batch, "Statements per request")->check(CLI::Range(1, 500));
    send->add_option("--trainee", o->trainee, "Only this trainee's attempts");
    send->callback([with_store, o] { with_store(Access::read_write, [o](auto& s, Io& io) { return send_results(s, *o, io); }); });
}

}  // namespace frontline::cli
