// Authoring lint: what can be learned about a checked scenario from its reachable
// states, beyond what `check` reports. Dead `if`s, unused variables, what each
// ending can score, the best and worst paths, dominated choices and the teaching
// checks (feedback, trade-off, say-no). Standard library only.
#pragma once

#include "frontline/analysis.hpp"
#include "frontline/check.hpp"
#include "frontline/diagnostic.hpp"
#include "frontline/scenario.hpp"
#include "frontline/scoring.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace frontline {

struct LintOptions {
    size_t state_limit = default_state_limit;
    size_t state_memory_limit = default_state_memory_limit;
    /// Bound on (situation, technical total) pairs explored by the say-no check.
    size_t score_pair_limit = 250'000;
    /// Random play: how many seeded calls to sample, and a bound on their turns in all.
    size_t random_calls = 2'000;
    size_t random_turn_budget = 400'000;
    uint64_t random_seed = 1;
    /// Random play that ends best in class this often (or more) is reported (FL076).
    double random_best_in_class_limit = 0.10;
    /// The best answer may be the longest line at fewer than this share of choice points (FL073).
    double length_bias_limit = 0.40;
};

/// One complete call as a trainee would play it.
struct PathSummary {
    bool found = false;
    std::vector<int> choices;       ///< node choice indices, turn by turn (what replay() takes)
    std::vector<std::string> says;  ///< the trainee's words, turn by turn
    int ending = -1;
    int64_t technical = 0;  ///< raw points on arrival
    int64_t personal = 0;
    double technical_percent = 0;
    double personal_percent = 0;
    int mood = 0;
};

/// Lowest and highest value over every way of arriving somewhere.
struct ValueRange {
    int64_t min = 0;
    int64_t max = 0;
    bool min_unbounded = false;  ///< a loop can lower it without limit
};

/// What a trainee can arrive at an ending with.
struct EndingReport {
    bool reachable = false;
    ValueRange technical;  ///< raw points
    ValueRange personal;
    ValueRange mood;
};

/// A rule a trainee could follow without reading a word: "could a trainee win without reading?"
enum class BlindRule : uint8_t { first_listed, last_listed, longest, shortest };
inline constexpr std::array<BlindRule, 4> blind_rules = {BlindRule::first_listed, BlindRule::last_listed,
                                                         BlindRule::longest, BlindRule::shortest};
std::string_view blind_rule_id(BlindRule r);     ///< "first-listed", ...
std::string_view blind_rule_title(BlindRule r);  ///< "always the first answer listed", ...

/// Where one blind rule takes the call.
struct BlindProbe {
    BlindRule rule = BlindRule::first_listed;
    bool finished = false;  ///< false: the rule goes round a loop forever
    PathSummary path;
    Quadrant quadrant = Quadrant::mere_mortal;
};

/// Uniformly random play, sampled with a fixed seed so the figures are reproducible.
struct RandomProbe {
    size_t calls = 0;  ///< calls sampled (fewer than asked when the turn budget ran out)
    uint64_t seed = 0;
    double technical_percent = 0;  ///< expected (mean) percent of each need
    double personal_percent = 0;
    std::array<double, quadrant_count> quadrant_share{};  ///< by Quadrant, sums to 1 over finished calls
    double best_in_class_share() const { return quadrant_share[static_cast<size_t>(Quadrant::best_in_class)]; }
};

/// Does length give the answer away? Counted once per node with two or more answers.
struct LengthBias {
    int choice_points = 0;
    int best_is_longest = 0;   ///< the best answer (on both needs, from there on) is the longest line
    int cold_efficient = 0;    ///< some answer gains technical points while it costs personal ones
};

/// The quadrants a call can be in when it reaches each ending (bit i: Quadrant i).
struct EndingQuadrants {
    bool checked = false;  ///< false when too many (situation, scores) triples to search
    std::vector<uint8_t> reached;  ///< parallel to Scenario::endings
};

/// A node where one choice gains on one need what it costs on the other.
struct TradeOff {
    int node = -1;
    int technical_choice = -1;  ///< the better one technically (index into the node's choices)
    int personal_choice = -1;   ///< the better one personally
    bool best_moves_differ = false;  ///< even the best move for each need differs here
};

/// A choice no better on either need than a sibling wherever both are offered.
struct DominatedChoice {
    int node = -1;
    int choice = -1;
    int by = -1;  ///< the sibling that is at least as good everywhere
};

/// The say-no check: can a trainee reach a top personal score without meeting the technical need?
struct SayNoCheck {
    bool applies = false;  ///< the scenario lists the say-no skill
    bool checked = false;  ///< false when the search was too large (see the diagnostic)
    double best_personal_percent = 0;  ///< best personal % among paths that miss the technical pass mark
    PathSummary path;                  ///< one such path
};

struct LintReport {
    size_t states = 0;
    size_t moves = 0;  ///< edges of the state graph
    int64_t best_technical = 0;
    int64_t best_personal = 0;
    int64_t full_technical = 0;  ///< what fully meeting the need is worth: percentages are of these
    int64_t full_personal = 0;
    std::vector<bool> node_reached;
    std::vector<EndingReport> endings;  ///< parallel to Scenario::endings
    PathSummary best_technical_path, worst_technical_path;
    PathSummary best_personal_path, worst_personal_path;
    PathSummary best_path;  ///< best on both needs together (sum of the two percentages)
    std::vector<TradeOff> trade_offs;  ///< at most one per node, the strongest kind found
    std::vector<DominatedChoice> dominated;
    SayNoCheck say_no;
    std::vector<BlindProbe> blind;  ///< one per blind_rules entry
    RandomProbe random;
    LengthBias length;
    EndingQuadrants ending_quadrants;
};

/// Lints a scenario that has passed check_scenario (load_scenario returns only those).
/// Findings go to `diags` as FL060..FL079; the report holds the numbers behind them.
LintReport lint_scenario(const Scenario& s, DiagnosticList& diags, const LintOptions& options = {});

/// The report for a person: endings, best and worst paths turn by turn, trade-offs.
std::string format_lint_report(const Scenario& s, const LintReport& report);

}  // namespace frontline
