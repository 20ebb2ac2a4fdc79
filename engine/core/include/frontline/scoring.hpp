// Scoring an attempt on the two needs. Percentages are of the best achievable on
// any path in this scenario (ScoreBounds, from the state exploration), never a
// hand-entered maximum. The quadrant is the core lesson of the game.
#pragma once

#include "frontline/check.hpp"
#include "frontline/runner.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace frontline {

/// Which needs the trainee met, against the scenario's pass marks.
enum class Quadrant : uint8_t {
    best_in_class,       ///< both needs met
    fixed_it_lost_them,  ///< technical only: the job done, the person not
    kept_the_customer,   ///< personal only: the "no" said well, the failure repaired with care
    mere_mortal,         ///< neither
};
std::string_view quadrant_id(Quadrant q);     ///< "best-in-class", ...
std::string_view quadrant_title(Quadrant q);  ///< "Best in class", ...
std::string_view quadrant_lesson(Quadrant q); ///< one sentence that teaches it
std::optional<Quadrant> parse_quadrant(std::string_view id);
inline constexpr int quadrant_count = 4;
/// The quadrant of a call that met (or missed) each need's pass mark.
Quadrant quadrant_for(bool technical_met, bool personal_met);

/// Orders results for "best so far": the quadrant first, with the personal need
/// ranked above the technical one (the game's lesson), then the sum of both percents.
int quadrant_rank(Quadrant q);

/// Whether an ending's outcome can honestly follow a call in quadrant `q`. Customers
/// judge by the personal need first: a delighted customer was treated well, a
/// satisfied one got at least one need met, and after both were met nobody is
/// merely neutral, let alone lost.
bool outcome_fits(Outcome outcome, Quadrant q);
bool better_result(Quadrant a, double a_technical_percent, double a_personal_percent, Quadrant b,
                   double b_technical_percent, double b_personal_percent);

struct AttemptScore {
    int technical = 0;  ///< raw points
    int personal = 0;
    double technical_percent = 0;  ///< 0..100 of the best achievable
    double personal_percent = 0;
    int64_t best_technical = 0;  ///< best achievable on any path
    int64_t best_personal = 0;
    int64_t full_technical = 0;  ///< what fully meeting the need is worth (the percent's base)
    int64_t full_personal = 0;
    bool technical_met = false;
    bool personal_met = false;
    Quadrant quadrant = Quadrant::mere_mortal;
    int mood = 0;
    bool finished = false;
    int ending = -1;
    Outcome outcome = Outcome::neutral;
    std::vector<std::string> skills;  ///< practised on this path, first-use order, no repeats
};

/// Percent of `best`, clamped to 0..100; a need with nothing to earn counts as met (100).
double percent_of_best(int64_t raw, int64_t best);

/// Raw points as a percent of what fully meeting that need is worth in this scenario.
double need_percent(const ScoreBounds& bounds, Need need, int64_t raw);
/// The most any path can score on a need, in percent: under 100 where the scenario's
/// full marks say the need cannot be fully met ("the most anyone could do here").
double most_possible_percent(const ScoreBounds& bounds, Need need);

AttemptScore score_attempt(const Scenario& s, const ScoreBounds& bounds, const Runner& run);

}  // namespace frontline
