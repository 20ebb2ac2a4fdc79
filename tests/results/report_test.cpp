// The report: its figures checked against SQL over a store built by real
// `frontline play --trainee NAME --data DB --choices ...` runs; its privacy rules;
// the HTML it writes; and `frontline results report` on bad input.
//
// Sections: running frontline and SQL; the fixture store; figures; HTML; the command.
#include "fixtures.hpp"

#include "frontline/results/report.hpp"
#include "frontline/results/report_html.hpp"

#include <sqlite3.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

extern char** environ;

using namespace frontline;
using namespace frontline::results;
using namespace frontline::results::testing;

namespace {

// --- Running frontline and SQL ---------------------------------------------------------

struct Ran {
    int exit = -1;
    std::string output;  ///< stdout and stderr together, as a user reads them
};

std::string file_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

/// Runs the real `frontline` with `args` (no shell: names with spaces stay whole).
Ran run_frontline(std::vector<std::string> args) {
    static TempDir scratch;
    const std::string out_file = (scratch.path() / "output.txt").string();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    args.insert(args.begin(), FRONTLINE_EXE);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, FRONTLINE_EXE, &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    Ran r;
    r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.output = file_text(out_file);
    return r;
}

/// Every row of `query` as text, straight from SQLite: the figures' second opinion.
std::vector<std::vector<std::string>> sql(const std::filesystem::path& db, const std::string& query) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    INFO(query);
    REQUIRE(sqlite3_prepare_v2(raw, query.c_str(), -1, &q, nullptr) == SQLITE_OK);
    std::vector<std::vector<std::string>> rows;
    while (sqlite3_step(q) == SQLITE_ROW) {
        std::vector<std::string> row;
        for (int i = 0; i < sqlite3_column_count(q); ++i) {
            const unsigned char* t = sqlite3_column_text(q, i);
            row.emplace_back(t ? reinterpret_cast<const char*>(t) : "");
        }
        rows.push_back(std::move(row));
    }
    sqlite3_finalize(q);
    sqlite3_close(raw);
    return rows;
}

double sql_number(const std::filesystem::path& db, const std::string& query) {
    auto rows = sql(db, query);
    REQUIRE(rows.size() == 1);
    return std::stod(rows[0][0]);
}

// --- The fixture store ------------------------------------------------------------------------

std::string script_text(const std::vector<int>& script, size_t count = 1000) {
    std::string out;
    for (size_t i = 0; i < script.size() && i < count; ++i) out += (i ? "," : "") + std::to_string(script[i]);
    return out;
}

void play(const std::filesystem::path& db, const std::string& trainee, const std::string& scenario, const std::string& choices,
          int expect_exit = 0) {
    const Ran r = run_frontline({"play", std::string(FRONTLINE_SCENARIOS_DIR) + "/" + scenario + ".yaml", "--trainee", trainee,
                                 "--data", db.string(), "--choices", choices});
    INFO(r.output);
    REQUIRE(r.exit == expect_exit);
}

const std::vector<std::string> trainees = {"Ana Quillfeather", "Ben Ottoway", "Chloé Durand", "Dev Patelski", "Eli Marchetti", "Fay Lindqvist"};

/// Six trainees: each plays the cold meal badly, then well; two press 1 throughout on a
/// third go; three play the late checkout once; two leave a cold meal half-way.
const std::filesystem::path& fixture_store() {
    static TempDir dir;
    static const std::filesystem::path db = dir.db();
    static bool built = false;
    if (!built) {
        const auto& cold = bundled("cold-meal");
        const auto& late = bundled("late-checkout");
        const std::string cold_worst = script_text(worst_script(cold)), cold_best = script_text(best_script(cold));
        for (const std::string& t : trainees) {
            play(db, t, "cold-meal", cold_worst);
            play(db, t, "cold-meal", cold_best);
        }
        for (const std::string& t : {trainees[0], trainees[1]}) play(db, t, "cold-meal", "1,1,1,1,1,1,1,1,1,1,1,1");
        for (const std::string& t : {trainees[0], trainees[1], trainees[2]}) play(db, t, "late-checkout", script_text(best_script(late)));
        // A script that ends early keeps the call as unfinished (and exits 1).
        for (const std::string& t : {trainees[3], trainees[4]}) play(db, t, "cold-meal", script_text(worst_script(cold), 2), 1);
        built = true;
    }
    return db;
}

std::vector<ScenarioFile> bundled_files() {
    std::vector<ScenarioFile> out;
    for (const char* id : {"cold-meal", "late-checkout"}) out.push_back({bundled(id).scenario, bundled(id).bounds});
    return out;
}

Report report_of(const ReportFilter& filter, bool names = false) {
    auto store = ResultsStore::open(fixture_store(), ResultsStore::Access::read_only);
    REQUIRE(store.ok());
    auto rows = store->report_rows(filter);
    REQUIRE(rows.ok());
    return build_report(*rows, filter, names, bundled_files(), "2030-01-01T00:00:00Z");
}

const ScenarioInsight& insight(const Report& r, const std::string& id) {
    for (const ScenarioInsight& s : r.scenarios)
        if (s.scenario_id == id) return s;
    FAIL("no scenario " << id << " in the report");
    return r.scenarios.front();
}

std::string html_of(const Report& r) {
    std::ostringstream out;
    write_report_html(out, r);
    return out.str();
}

}  // namespace

// --- Figures ----------------------------------------------------------------------------------

SCENARIO("the report's figures agree with SQL over a store filled by `frontline play`") {
    GIVEN("six trainees' calls on two scenarios, some replayed, two left unfinished") {
        const auto& db = fixture_store();
        const Report r = report_of({});

        THEN("the counts of calls, trainees and quadrants are the store's") {
            CHECK(r.attempts == sql_number(db, "SELECT count(*) FROM attempts"));
            CHECK(r.finished == sql_number(db, "SELECT count(*) FROM attempts WHERE finished_at IS NOT NULL"));
            CHECK(r.unfinished == 2);
            CHECK(r.trainees == sql_number(db, "SELECT count(DISTINCT trainee_id) FROM attempts"));
            for (Quadrant q : {Quadrant::best_in_class, Quadrant::kept_the_customer, Quadrant::fixed_it_lost_them, Quadrant::mere_mortal})
                CHECK(r.quadrant_counts[static_cast<size_t>(q)] ==
                      sql_number(db, "SELECT count(*) FROM attempts WHERE quadrant = '" + std::string(quadrant_id(q)) + "'"));
            REQUIRE(r.calls.size() == static_cast<size_t>(r.finished));
        }
        THEN("every answer's share at every choice point is its count over the answers given there") {
            const ScenarioInsight& cold = insight(r, "cold-meal");
            const auto counts = sql(db,
                                    "SELECT c.node, c.choice_index, count(*), (SELECT count(*) FROM choices c2 JOIN attempts a2 ON a2.id = c2.attempt_id"
                                    " WHERE a2.scenario_id = 'cold-meal' AND c2.node = c.node)"
                                    " FROM choices c JOIN attempts a ON a.id = c.attempt_id WHERE a.scenario_id = 'cold-meal'"
                                    " GROUP BY c.node, c.choice_index");
            REQUIRE_FALSE(counts.empty());
            for (const auto& row : counts) {
                const auto point = std::find_if(cold.points.begin(), cold.points.end(), [&](const ChoicePoint& p) { return p.node == row[0]; });
                REQUIRE(point != cold.points.end());
                CHECK(point->answers == std::stoi(row[3]));
                const auto option = std::find_if(point->options.begin(), point->options.end(),
                                                 [&](const AnswerShare& a) { return a.choice_index == std::stoi(row[1]); });
                REQUIRE(option != point->options.end());
                CHECK(option->taken == std::stoi(row[2]));
                CHECK(option->share == Approx(std::stod(row[2]) / std::stod(row[3])));
            }
            // With the file, the answers nobody took are listed too (at 0), in file order.
            const Node& opening = bundled("cold-meal").scenario.node(bundled("cold-meal").scenario.start);
            const auto first = std::find_if(cold.points.begin(), cold.points.end(), [&](const ChoicePoint& p) { return p.node == opening.id; });
            REQUIRE(first != cold.points.end());
            CHECK(first->options.size() == opening.choices.size());
            CHECK(first->notes == opening.notes);
        }
        THEN("each answer's effect on both needs is the one recorded with it") {
            const ScenarioInsight& cold = insight(r, "cold-meal");
            for (const auto& row : sql(db, "SELECT DISTINCT c.node, c.choice_index, c.technical, c.personal FROM choices c"
                                           " JOIN attempts a ON a.id = c.attempt_id WHERE a.scenario_id = 'cold-meal'")) {
                const auto point = std::find_if(cold.points.begin(), cold.points.end(), [&](const ChoicePoint& p) { return p.node == row[0]; });
                REQUIRE(point != cold.points.end());
                const auto option = std::find_if(point->options.begin(), point->options.end(),
                                                 [&](const AnswerShare& a) { return a.choice_index == std::stoi(row[1]); });
                REQUIRE(option != point->options.end());
                CHECK(option->technical == std::stoi(row[2]));
                CHECK(option->personal == std::stoi(row[3]));
            }
        }
        THEN("the answers that most hurt the personal need come first, the worst delta at the top") {
            const ScenarioInsight& cold = insight(r, "cold-meal");
            REQUIRE_FALSE(cold.hurtful.empty());
            const double worst = sql_number(db, "SELECT min(c.personal) FROM choices c JOIN attempts a ON a.id = c.attempt_id"
                                                " WHERE a.scenario_id = 'cold-meal'");
            CHECK(cold.hurtful.front().answer.personal == worst);
            for (size_t i = 1; i < cold.hurtful.size(); ++i) CHECK(cold.hurtful[i - 1].answer.personal <= cold.hurtful[i].answer.personal);
        }
        THEN("unfinished calls stopped where their last answer led") {
            const ScenarioInsight& cold = insight(r, "cold-meal");
            const Scenario& s = bundled("cold-meal").scenario;
            std::map<std::string, int> expected;
            for (const auto& row : sql(db, "SELECT c.node, c.choice_index FROM choices c JOIN attempts a ON a.id = c.attempt_id"
                                           " WHERE a.finished_at IS NULL AND c.turn = (SELECT max(turn) FROM choices WHERE attempt_id = a.id)")) {
                const Choice& c = s.nodes[static_cast<size_t>(s.find_node(row[0]))].choices[static_cast<size_t>(std::stoi(row[1]))];
                ++expected[s.node(c.next.index).id];
            }
            REQUIRE(expected.size() >= 1);
            std::map<std::string, int> reported(cold.stopped.begin(), cold.stopped.end());
            CHECK(reported == expected);
        }
        THEN("replay gain is first against best per trainee and scenario, ranked as the store ranks") {
            // Best: quadrant (best in class, kept the customer, fixed it, mere mortal), then both percents.
            const auto pairs = sql(db,
                "WITH f AS (SELECT a.*, t.name AS trainee,"
                " row_number() OVER (PARTITION BY a.trainee_id, a.scenario_id ORDER BY a.started_at, a.id) AS nth,"
                " CASE a.quadrant WHEN 'best-in-class' THEN 0 WHEN 'kept-the-customer' THEN 1 WHEN 'fixed-it-lost-them' THEN 2 ELSE 3 END AS rank"
                " FROM attempts a JOIN trainees t ON t.id = a.trainee_id WHERE a.finished_at IS NOT NULL)"
                " SELECT trainee, scenario_id, count(*),"
                " (SELECT personal_percent FROM f f1 WHERE f1.trainee_id = f.trainee_id AND f1.scenario_id = f.scenario_id AND nth = 1),"
                " (SELECT personal_percent FROM f f2 WHERE f2.trainee_id = f.trainee_id AND f2.scenario_id = f.scenario_id"
                "   ORDER BY rank, technical_percent + personal_percent DESC, nth LIMIT 1),"
                " (SELECT nth FROM f f3 WHERE f3.trainee_id = f.trainee_id AND f3.scenario_id = f.scenario_id"
                "   ORDER BY rank, technical_percent + personal_percent DESC, nth LIMIT 1)"
                " FROM f GROUP BY trainee_id, scenario_id");
            REQUIRE(pairs.size() == r.gain.pairs.size());
            std::vector<double> gains;
            std::vector<double> to_best;
            for (const auto& row : pairs) {
                const auto it = std::find_if(r.gain.pairs.begin(), r.gain.pairs.end(),
                                             [&](const ReplayGain& g) { return g.trainee == row[0] && g.scenario_id == row[1]; });
                REQUIRE(it != r.gain.pairs.end());
                CHECK(it->calls == std::stoi(row[2]));
                CHECK(it->first_personal == Approx(std::stod(row[3])));
                CHECK(it->best_personal == Approx(std::stod(row[4])));
                CHECK(it->attempts_to_best == std::stoi(row[5]));
                if (std::stoi(row[2]) >= 2) {
                    gains.push_back(std::stod(row[4]) - std::stod(row[3]));
                    to_best.push_back(std::stod(row[5]));
                }
            }
            CHECK(r.gain.replayed == 6);
            REQUIRE(r.gain.median_personal_gain);
            CHECK(*r.gain.median_personal_gain == Approx(median(gains)));
            CHECK(*r.gain.median_personal_gain > 0);
            CHECK(*r.gain.median_attempts_to_best == Approx(median(to_best)));
        }
        THEN("the skills profile counts the finished calls that practised each behaviour") {
            REQUIRE(r.skills.size() == 6);
            for (const SkillUse& k : r.skills) {
                CHECK(k.attempts == sql_number(db, "SELECT count(DISTINCT s.attempt_id) FROM choice_skills s JOIN attempts a ON a.id = s.attempt_id"
                                                   " WHERE a.finished_at IS NOT NULL AND s.skill = '" + k.skill + "'"));
                CHECK(k.share == Approx(static_cast<double>(k.attempts) / r.finished));
            }
        }
    }
}

SCENARIO("filters narrow the report to a trainee, a scenario or a date") {
    GIVEN("the fixture store") {
        const auto& db = fixture_store();
        WHEN("one trainee's report is asked for, spelled in another case") {
            ReportFilter f;
            f.trainee = "ana QUILLFEATHER";
            const Report r = report_of(f);
            THEN("it holds only her calls, shows names and hides nothing from her") {
                CHECK(r.attempts == sql_number(db, "SELECT count(*) FROM attempts a JOIN trainees t ON t.id = a.trainee_id WHERE t.name = 'Ana Quillfeather'"));
                CHECK(r.names);
                CHECK(r.group == 1);
                CHECK(r.trainee_names == std::vector<std::string>{"Ana Quillfeather"});
            }
        }
        WHEN("a scenario is asked for") {
            ReportFilter f;
            f.scenario_id = "late-checkout";
            const Report r = report_of(f);
            THEN("only its calls count") {
                CHECK(r.attempts == 3);
                REQUIRE(r.scenarios.size() == 1);
                CHECK(r.scenarios[0].scenario_id == "late-checkout");
            }
        }
        WHEN("only calls from a day in the future are asked for") {
            ReportFilter f;
            f.since = "2999-01-01";
            const Report r = report_of(f);
            THEN("the report is empty, and still a report") {
                CHECK(r.attempts == 0);
                CHECK(html_of(r).find("No finished calls yet") != std::string::npos);
            }
        }
        WHEN("a trainee or workshop that does not exist is asked for") {
            auto store = ResultsStore::open(db, ResultsStore::Access::read_only);
            REQUIRE(store.ok());
            ReportFilter nobody;
            nobody.trainee = "Zed";
            ReportFilter no_workshop;
            no_workshop.workshop = 42;
            THEN("each is an invalid request naming it") {
                auto a = store->report_rows(nobody);
                REQUIRE_FALSE(a.ok());
                CHECK(a.error().kind == StoreError::Kind::invalid);
                CHECK(a.error().message.find("Zed") != std::string::npos);
                auto b = store->report_rows(no_workshop);
                REQUIRE_FALSE(b.ok());
                CHECK(b.error().message.find("workshop 42") != std::string::npos);
            }
        }
    }
}

SCENARIO("a report over several trainees names nobody and hides small groups") {
    GIVEN("the fixture store, where three trainees played the late checkout") {
        WHEN("the report is written without --names") {
            const Report r = report_of({});
            const std::string html = html_of(r);
            THEN("no trainee's name appears, and the late checkout's shares are hidden") {
                for (const std::string& t : trainees) CHECK(html.find(html_escaped(t)) == std::string::npos);
                const ScenarioInsight& late = insight(r, "late-checkout");
                for (const ChoicePoint& p : late.points) CHECK_FALSE(p.shown);
                CHECK(late.hurtful.empty());
                CHECK(html.find("Fewer than 5 answers here") != std::string::npos);
            }
        }
        WHEN("it is written with --names") {
            const std::string html = html_of(report_of({}, true));
            THEN("the names appear in the replay table") {
                for (const std::string& t : trainees) CHECK(html.find(html_escaped(t)) != std::string::npos);
            }
        }
    }
}

// --- HTML --------------------------------------------------------------------------------------

SCENARIO("the HTML is one self-contained file") {
    GIVEN("the fixture store's report") {
        const std::string html = html_of(report_of({}, true));
        THEN("it has no script, no external URL, font or image, and its charts are inline SVG") {
            CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
            CHECK(html.find("<script") == std::string::npos);
            CHECK(html.find("http://") == std::string::npos);
            CHECK(html.find("https://") == std::string::npos);
            CHECK(html.find("url(") == std::string::npos);
            CHECK(html.find("@import") == std::string::npos);
            CHECK(html.find("<link") == std::string::npos);
            CHECK(html.find(" src=") == std::string::npos);
            CHECK(html.find("<svg") != std::string::npos);
            CHECK(html.find("@media print") != std::string::npos);
            CHECK(html.find("</html>") != std::string::npos);
        }
        THEN("every section is there") {
            for (const char* heading : {"Where the calls land", "Both needs over time", "Replay gain", "best-in-class behaviours",
                                        "Answers that cost the personal need most", "Where unfinished calls stopped", "The Cold Meal"})
                CHECK(html.find(heading) != std::string::npos);
        }
    }
    GIVEN("text that looks like markup in a trainee's name") {
        CHECK(html_escaped("<b>\"Bo\" & 'Al'</b>") == "&lt;b&gt;&quot;Bo&quot; &amp; &#39;Al&#39;&lt;/b&gt;");
    }
}

// --- The command ---------------------------------------------------------------------------------

SCENARIO("`frontline results report` writes the file, and refuses bad input without touching the store") {
    TempDir out;
    const auto& db = fixture_store();
    const std::string before = file_text(db);
    const std::string report = (out.path() / "report.html").string();
    GIVEN("the fixture store") {
        WHEN("a report is asked for") {
            const Ran r = run_frontline({"results", "report", "--data", db.string(), "-o", report});
            THEN("it is written, and the store is byte for byte as it was") {
                INFO(r.output);
                CHECK(r.exit == 0);
                CHECK(r.output.find("Wrote") != std::string::npos);
                CHECK(file_text(report).find("Where the calls land") != std::string::npos);
                CHECK_FALSE(std::filesystem::exists(report + ".partial"));
                CHECK(file_text(db) == before);
            }
        }
        WHEN("one trainee's report is asked for") {
            const Ran r = run_frontline({"results", "report", "--data", db.string(), "-o", report, "--trainee", "Chloé Durand"});
            THEN("her name is in it") {
                INFO(r.output);
                CHECK(r.exit == 0);
                CHECK(file_text(report).find("Chloé Durand") != std::string::npos);
            }
        }
        WHEN("bad input is given") {
            struct Case {
                std::vector<std::string> args;
                int exit;
                std::string says;
            };
            const std::vector<Case> cases = {
                {{"--trainee", "Zed"}, 1, "no trainee named \"Zed\""},
                {{"--workshop", "42"}, 1, "no workshop 42"},
                {{"--since", "2025-02-30"}, 2, "not a date"},
                {{"--since", "last week"}, 2, "not a date"},
            };
            THEN("each says what is wrong, exits non-zero and writes nothing") {
                for (const Case& c : cases) {
                    std::vector<std::string> args = {"results", "report", "--data", db.string(), "-o", report};
                    args.insert(args.end(), c.args.begin(), c.args.end());
                    const Ran r = run_frontline(args);
                    INFO(c.args.front() << ' ' << c.args.back() << ": " << r.output);
                    CHECK(r.exit == c.exit);
                    CHECK(r.output.find(c.says) != std::string::npos);
                    CHECK_FALSE(std::filesystem::exists(report));
                }
                CHECK(file_text(db) == before);
            }
        }
        WHEN("the output cannot be written") {
            const Ran r = run_frontline({"results", "report", "--data", db.string(), "-o", (out.path() / "no-such-folder" / "r.html").string()});
            THEN("it says so") {
                INFO(r.output);
                CHECK(r.exit == 2);
                CHECK(r.output.find("cannot write") != std::string::npos);
            }
        }
    }
    GIVEN("a corrupt store and a missing one") {
        const auto corrupt = out.path() / "corrupt.db";
        {
            std::ofstream f(corrupt, std::ios::binary);
            f << std::string(8192, 'x');
        }
        const std::string corrupt_before = file_text(corrupt);
        THEN("each is a clear message and a non-zero exit, and the corrupt file is left alone") {
            const Ran bad = run_frontline({"results", "report", "--data", corrupt.string(), "-o", report});
            INFO(bad.output);
            CHECK(bad.exit == 2);
            CHECK(bad.output.find("corrupt.db") != std::string::npos);
            CHECK(file_text(corrupt) == corrupt_before);
            const Ran missing = run_frontline({"results", "report", "--data", (out.path() / "none.db").string(), "-o", report});
            INFO(missing.output);
            CHECK(missing.exit == 1);
            CHECK(missing.output.find("nothing to report") != std::string::npos);
            CHECK_FALSE(std::filesystem::exists(report));
            CHECK_FALSE(std::filesystem::exists(out.path() / "none.db"));
        }
    }
    GIVEN("a store with no attempts and a store with one trainee") {
        const auto empty = out.path() / "empty.db";
        REQUIRE(ResultsStore::open(empty).ok());
        const auto one = out.path() / "one.db";
        play(one, "Solo", "cold-meal", script_text(best_script(bundled("cold-meal"))));
        THEN("both give a report") {
            for (const auto& store : {empty, one}) {
                const Ran r = run_frontline({"results", "report", "--data", store.string(), "-o", report});
                INFO(r.output);
                CHECK(r.exit == 0);
                CHECK(file_text(report).find("</html>") != std::string::npos);
            }
            AND_THEN("one trainee's calls are not drawn one by one in a report over everyone, but are in hers") {
                CHECK(file_text(report).find("their calls are not drawn one by one") != std::string::npos);
                CHECK(file_text(report).find("<circle") == std::string::npos);
                const Ran hers = run_frontline({"results", "report", "--data", one.string(), "-o", report, "--trainee", "Solo"});
                INFO(hers.output);
                CHECK(hers.exit == 0);
                CHECK(file_text(report).find("<circle") != std::string::npos);
            }
        }
    }
}

// --- Workshops ------------------------------------------------------------------------------------

namespace {

/// Plays `script` (visible numbers, author's order) and returns the steps a workshop
/// would save: in a class vote, `votes` hands for the option played and one for the
/// first other option shown; in hot seat, the team's choice.
std::vector<WorkshopStep> workshop_steps(const Fixture& f, const std::vector<int>& script, int team, int votes) {
    std::vector<WorkshopStep> out;
    Runner run(f.scenario);
    for (int number : script) {
        if (run.finished()) break;
        const int choice = run.choices()[static_cast<size_t>(number - 1)];
        WorkshopStep step;
        step.round = 0;
        step.team = team;
        step.node = run.node()->id;
        step.choice_index = choice;
        if (team < 0) {
            for (int shown : run.presented()) step.votes.push_back(shown == choice ? votes : 0);
            for (int& v : step.votes)
                if (v == 0) {
                    v = 1;
                    break;
                }
        }
        out.push_back(step);
        REQUIRE(run.choose(choice));
    }
    return out;
}

/// Hot seat with phones: `team`'s phones give `played` votes to the option it played and
/// one to the first other option shown, as the game saves the team's split.
std::vector<WorkshopStep> phone_steps(const Fixture& f, const std::vector<int>& script, int team, int played) {
    std::vector<WorkshopStep> out = workshop_steps(f, script, -1, played);
    for (WorkshopStep& s : out) s.team = team;
    return out;
}

WorkshopRecord workshop_setup(const std::string& style, int teams) {
    const Fixture& f = bundled("cold-meal");
    WorkshopRecord w;
    w.title = "Friday team";
    w.style = style;
    for (int t = 0; t < teams; ++t) w.teams.push_back({"Team " + std::string(1, static_cast<char>('A' + t)), t ? "#2255aa" : "#aa5522"});
    w.queue.push_back({f.scenario.id, f.scenario.content_hash, f.scenario.title});
    return w;
}

}  // namespace

SCENARIO("a workshop's report: each turn's split, the scoreboard and the facilitator's notes") {
    TempDir dir;
    auto store = ResultsStore::open(dir.db());
    REQUIRE(store.ok());
    const Fixture& f = bundled("cold-meal");
    GIVEN("a class vote that played the best call, seven hands for each answer played") {
        auto id = store->create_workshop(workshop_setup("class-vote", 2));
        REQUIRE(id.ok());
        const std::vector<WorkshopStep> steps = workshop_steps(f, best_script(f), -1, 7);
        for (const WorkshopStep& s : steps) REQUIRE(store->record_workshop_step(*id, s).ok());
        ReportFilter filter;
        filter.workshop = *id;
        auto rows = store->report_rows(filter);
        REQUIRE(rows.ok());
        const Report r = build_report(*rows, filter, false, bundled_files(), "2030-01-01T00:00:00Z");
        THEN("every decision is a turn with its votes, the option played marked, and the node's notes") {
            REQUIRE(r.workshop);
            CHECK(r.attempts == 0);  // practice calls are not part of a workshop's report
            REQUIRE(r.workshop->turns.size() == steps.size());
            for (size_t i = 0; i < steps.size(); ++i) {
                const auto& t = r.workshop->turns[i];
                CHECK(t.node == steps[i].node);
                CHECK(t.votes == 8);
                CHECK(t.notes == f.scenario.node(f.scenario.find_node(t.node)).notes);
                int chosen = 0;
                for (const auto& o : t.options)
                    if (o.chosen) {
                        ++chosen;
                        CHECK(o.votes == 7);
                        CHECK(o.say == f.scenario.node(f.scenario.find_node(t.node))
                                           .choices[static_cast<size_t>(steps[i].choice_index)]
                                           .say);
                    }
                CHECK(chosen == 1);
            }
        }
        THEN("the class's standing is the replayed call's score") {
            REQUIRE(r.workshop->scoreboard.size() == 1);
            const Runner run = play_path(f.scenario, best_script(f));
            const AttemptScore expected = score_attempt(f.scenario, f.bounds, run);
            CHECK(r.workshop->scoreboard[0].calls == 1);
            CHECK(r.workshop->scoreboard[0].personal == Approx(expected.personal_percent));
            CHECK(r.workshop->scoreboard[0].technical == Approx(expected.technical_percent));
        }
        THEN("the HTML names the workshop and shows the notes") {
            const std::string html = html_of(r);
            CHECK(html.find("Workshop: Friday team") != std::string::npos);
            CHECK(html.find("Facilitator&#39;s note") == std::string::npos);  // the apostrophe is written as is
            CHECK(html.find("Facilitator's note:") != std::string::npos);
            CHECK(html.find("8 votes") != std::string::npos);
            CHECK(html.find("s phones") == std::string::npos);  // a class vote's table is as it was: no team columns
            CHECK(html.find("<table><tbody><tr><td><b>&#10003;</b> &#8220;") != std::string::npos);
        }
        THEN("a class vote has no team splits") {
            for (const auto& t : r.workshop->turns) CHECK(t.splits.empty());
        }
    }
    GIVEN("a hot seat where team A played the best call and team B the worst") {
        auto id = store->create_workshop(workshop_setup("hot-seat", 2));
        REQUIRE(id.ok());
        // Hot seat takes turns call by call: A's whole call, then B's.
        for (const WorkshopStep& s : workshop_steps(f, best_script(f), 0, 0)) REQUIRE(store->record_workshop_step(*id, s).ok());
        for (const WorkshopStep& s : workshop_steps(f, worst_script(f), 1, 0)) REQUIRE(store->record_workshop_step(*id, s).ok());
        ReportFilter filter;
        filter.workshop = *id;
        auto rows = store->report_rows(filter);
        REQUIRE(rows.ok());
        const Report r = build_report(*rows, filter, false, bundled_files(), "2030-01-01T00:00:00Z");
        THEN("the scoreboard ranks A first, and the opening shows which team chose what") {
            REQUIRE(r.workshop->scoreboard.size() == 2);
            CHECK(r.workshop->scoreboard[0].team == 0);
            CHECK(r.workshop->scoreboard[0].personal > r.workshop->scoreboard[1].personal);
            const auto& opening = r.workshop->turns.front();
            std::set<int> teams;
            for (const auto& o : opening.options) teams.insert(o.teams.begin(), o.teams.end());
            CHECK(teams == std::set<int>{0, 1});
        }
        THEN("no team voted from phones, so there are no splits and no phone columns") {
            for (const auto& t : r.workshop->turns) CHECK(t.splits.empty());
            CHECK(html_of(r).find("s phones") == std::string::npos);
        }
    }
    GIVEN("a hot seat where team A's phones voted 5 to 1 on each decision and team B chose by hand") {
        auto id = store->create_workshop(workshop_setup("hot-seat", 2));
        REQUIRE(id.ok());
        const std::vector<WorkshopStep> a = phone_steps(f, best_script(f), 0, 5);
        std::vector<WorkshopStep> b = workshop_steps(f, worst_script(f), 1, 0);
        for (const WorkshopStep& s : a) REQUIRE(store->record_workshop_step(*id, s).ok());
        for (const WorkshopStep& s : b) REQUIRE(store->record_workshop_step(*id, s).ok());
        ReportFilter filter;
        filter.workshop = *id;
        auto rows = store->report_rows(filter);
        REQUIRE(rows.ok());
        const Report r = build_report(*rows, filter, false, bundled_files(), "2030-01-01T00:00:00Z");
        const Node& opening_node = f.scenario.node(f.scenario.find_node(a[0].node));
        THEN("the opening keeps team A's split: which team, the count per option, the choice played") {
            const auto& opening = r.workshop->turns.front();
            REQUIRE(opening.node == a[0].node);
            REQUIRE(opening.splits.size() == 1);  // team B's choice by hand is not a split
            const auto& split = opening.splits[0];
            CHECK(split.team == 0);
            CHECK(split.total == 6);
            CHECK_FALSE(split.tie_broken);
            REQUIRE(split.votes.size() == opening.options.size());
            REQUIRE(split.chosen >= 0);
            REQUIRE(split.chosen < static_cast<int>(opening.options.size()));
            const auto& played = opening.options[static_cast<size_t>(split.chosen)];
            CHECK(played.choice_index == a[0].choice_index);
            CHECK(played.say == opening_node.choices[static_cast<size_t>(a[0].choice_index)].say);
            CHECK(split.votes[static_cast<size_t>(split.chosen)] == 5);
            // The one other vote went to the first other option the room was shown.
            Runner run(f.scenario);
            int first_other = -1;
            for (int shown : run.presented())
                if (shown != a[0].choice_index) {
                    first_other = shown;
                    break;
                }
            for (size_t k = 0; k < opening.options.size(); ++k)
                if (static_cast<int>(k) != split.chosen)
                    CHECK(split.votes[k] == (opening.options[k].choice_index == first_other ? 1 : 0));
            CHECK(opening.votes == 0);  // a class vote's total stays a class vote's
        }
        THEN("every decision of team A's call has its split, in the order voted") {
            size_t splits = 0;
            for (const auto& t : r.workshop->turns)
                for (const auto& split : t.splits) {
                    CHECK(split.team == 0);
                    CHECK(split.total == 6);
                    ++splits;
                }
            CHECK(splits == a.size());
        }
        THEN("the HTML names the team, its total and its counts, with the choice played ticked") {
            const std::string html = html_of(r);
            CHECK(html.find("Team A's phones: 6 votes") != std::string::npos);
            CHECK(html.find("Team A's phones</th>") != std::string::npos);
            CHECK(html.find("<td class=\"num\"><b>&#10003; 5</b></td>") != std::string::npos);
            CHECK(html.find("<td class=\"num\">1</td>") != std::string::npos);
            CHECK(html.find("Team B's phones") == std::string::npos);
        }
        AND_WHEN("team A's phones tied at the last decision and the rule picked the first listed") {
            // A new workshop: the same calls, with the last phone vote a tie.
            auto tied_id = store->create_workshop(workshop_setup("hot-seat", 2));
            REQUIRE(tied_id.ok());
            std::vector<WorkshopStep> tied = phone_steps(f, best_script(f), 0, 5);
            for (int& v : tied.back().votes)
                if (v == 5) v = 1;  // one each for the played option and the first other
            tied.back().tie_broken = true;
            for (const WorkshopStep& s : tied) REQUIRE(store->record_workshop_step(*tied_id, s).ok());
            ReportFilter tf;
            tf.workshop = *tied_id;
            auto tied_rows = store->report_rows(tf);
            REQUIRE(tied_rows.ok());
            const Report tr = build_report(*tied_rows, tf, false, bundled_files(), "2030-01-01T00:00:00Z");
            THEN("the split says so, on the report as in the summary") {
                const auto& last = tr.workshop->turns.back();
                REQUIRE(last.splits.size() == 1);
                CHECK(last.splits[0].tie_broken);
                CHECK(last.splits[0].total == 2);
                CHECK(html_of(tr).find("Team A's phones: 2 votes, tie broken by the order shown") != std::string::npos);
            }
        }
        AND_WHEN("frontline results report --workshop writes it") {
            const std::filesystem::path report = dir.path() / "workshop.html";
            const Ran ran =
                run_frontline({"results", "report", "--data", dir.db().string(), "--workshop", std::to_string(*id),
                               "--scenarios", FRONTLINE_SCENARIOS_DIR, "-o", report.string()});
            INFO(ran.output);
            THEN("the file shows team A's phone split") {
                CHECK(ran.exit == 0);
                const std::string html = file_text(report);
                CHECK(html.find("Team A's phones: 6 votes") != std::string::npos);
                CHECK(html.find("<td class=\"num\"><b>&#10003; 5</b></td>") != std::string::npos);
            }
        }
    }
}
