// The bundled library measures the skill: a trainee who doesn't read loses, the two
// needs pull apart, and every ending tells the same story as the debrief. These are
// the lint's probes, held to for every scenario that ships.
#include "fixtures.hpp"

#include "frontline/lint.hpp"
#include "frontline/reader.hpp"

#include <algorithm>
#include <set>

using namespace frontline;

namespace {

std::vector<std::filesystem::path> bundled() {
    std::vector<std::string> missing;
    auto files = find_scenario_files({FRONTLINE_SCENARIOS_DIR}, missing);
    REQUIRE(missing.empty());
    return files;
}

bool has_code(const DiagnosticList& diags, std::string_view code) {
    return std::any_of(diags.items().begin(), diags.items().end(), [&](const Diagnostic& d) { return d.code == code; });
}

}  // namespace

TEST_CASE("no bundled scenario can be won without reading", "[scenarios][teaching]") {
    const auto files = bundled();
    for (const auto& file : files) {
        INFO(file.string());
        LoadedScenario loaded = load_scenario(file);
        REQUIRE(loaded.scenario);
        DiagnosticList diags(file.string());
        const LintReport r = lint_scenario(*loaded.scenario, diags);
        for (const auto& d : diags.items()) UNSCOPED_INFO(format_diagnostic(d));

        REQUIRE(r.blind.size() == blind_rules.size());
        for (const BlindProbe& probe : r.blind) {
            INFO(blind_rule_title(probe.rule));
            CHECK(probe.finished);
            CHECK(probe.quadrant != Quadrant::best_in_class);
        }
        CHECK_FALSE(has_code(diags, "FL072"));

        // Random play: sampled, and rarely best in class.
        CHECK(r.random.calls > 0);
        CHECK(r.random.best_in_class_share() < 0.10);
        CHECK_FALSE(has_code(diags, "FL076"));

        // Length never gives the answer away: under 40% of choice points.
        REQUIRE(r.length.choice_points >= 3);
        CHECK(r.length.best_is_longest * 10 < r.length.choice_points * 4);
        CHECK_FALSE(has_code(diags, "FL073"));
        // The cold but efficient answer is on offer at a third or more of choice points.
        CHECK(r.length.cold_efficient * 3 >= r.length.choice_points);
    }
}

TEST_CASE("every bundled ending fits the quadrants it is reached in", "[scenarios][teaching]") {
    for (const auto& file : bundled()) {
        INFO(file.string());
        LoadedScenario loaded = load_scenario(file);
        REQUIRE(loaded.scenario);
        const Scenario& s = *loaded.scenario;
        DiagnosticList diags(file.string());
        const LintReport r = lint_scenario(s, diags);
        REQUIRE(r.ending_quadrants.checked);
        for (size_t i = 0; i < s.endings.size(); ++i) {
            INFO("ending " << s.endings[i].id << " (" << outcome_name(s.endings[i].outcome) << ")");
            CHECK(r.ending_quadrants.reached[i] != 0);
            for (int q = 0; q < quadrant_count; ++q)
                if (r.ending_quadrants.reached[i] & (1u << q)) CHECK(outcome_fits(s.endings[i].outcome, static_cast<Quadrant>(q)));
        }
        CHECK_FALSE(has_code(diags, "FL074"));
        CHECK_FALSE(has_code(diags, "FL075"));
        CHECK_FALSE(diags.has_errors());
    }
}

TEST_CASE("the library covers the seeds' lessons in twelve or more calls", "[scenarios][teaching]") {
    const auto files = bundled();
    CHECK(files.size() >= 12);
    std::set<std::string> skills;
    std::set<Channel> channels;
    int kept_the_customer_at_best = 0;
    for (const auto& file : files) {
        INFO(file.string());
        LoadedScenario loaded = load_scenario(file);
        REQUIRE(loaded.scenario);
        const Scenario& s = *loaded.scenario;
        // Each scenario says what it practises, not everything at once.
        CHECK_FALSE(s.skills.empty());
        CHECK(s.skills.size() <= 3);
        skills.insert(s.skills.begin(), s.skills.end());
        channels.insert(s.channel);
        DiagnosticList diags(file.string());
        const LintReport r = lint_scenario(s, diags);
        CHECK_FALSE(r.trade_offs.empty());
        // Where the technical need cannot be met, the best play keeps the customer.
        REQUIRE(r.best_path.found);
        const bool technical_met = r.best_path.technical_percent >= s.pass.technical;
        const bool personal_met = r.best_path.personal_percent >= s.pass.personal;
        CHECK(personal_met);
        if (!technical_met) ++kept_the_customer_at_best;
    }
    CHECK(kept_the_customer_at_best >= 2);
    for (const std::string& skill : known_skills()) {
        INFO(skill);
        CHECK(skills.count(skill) == 1);
    }
    CHECK(channels.count(Channel::chat) == 1);
    CHECK(channels.count(Channel::phone) == 1);
    CHECK(channels.count(Channel::desk) == 1);
}
