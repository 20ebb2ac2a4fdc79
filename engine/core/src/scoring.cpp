#include "frontline/scoring.hpp"

#include <algorithm>

namespace frontline {

std::string_view quadrant_id(Quadrant q) {
    switch (q) {
        case Quadrant::best_in_class: return "best-in-class";
        case Quadrant::fixed_it_lost_them: return "fixed-it-lost-them";
        case Quadrant::kept_the_customer: return "kept-the-customer";
        case Quadrant::mere_mortal: return "mere-mortal";
    }
    return "mere-mortal";
}

std::string_view quadrant_title(Quadrant q) {
    switch (q) {
        case Quadrant::best_in_class: return "Best in class";
        case Quadrant::fixed_it_lost_them: return "Fixed it, lost them";
        case Quadrant::kept_the_customer: return "Kept the customer";
        case Quadrant::mere_mortal: return "Mere mortal";
    }
    return "Mere mortal";
}

std::string_view quadrant_lesson(Quadrant q) {
    switch (q) {
        case Quadrant::best_in_class:
            return "You met what they came for and how they wanted to be treated. That is service people come back for.";
        case Quadrant::fixed_it_lost_them:
            return "The job got done, but the person did not feel heard. Customers judge service by how they were treated first.";
        case Quadrant::kept_the_customer:
            return "What they came for could not be fully met, but they felt respected: a failure handled with care can still win loyalty.";
        case Quadrant::mere_mortal:
            return "Neither need was met. Go back to the turn where the call turned and try owning the problem out loud.";
    }
    return "";
}

std::optional<Quadrant> parse_quadrant(std::string_view id) {
    for (Quadrant q : {Quadrant::best_in_class, Quadrant::fixed_it_lost_them, Quadrant::kept_the_customer, Quadrant::mere_mortal})
        if (quadrant_id(q) == id) return q;
    return std::nullopt;
}

Quadrant quadrant_for(bool technical_met, bool personal_met) {
    if (technical_met) return personal_met ? Quadrant::best_in_class : Quadrant::fixed_it_lost_them;
    return personal_met ? Quadrant::kept_the_customer : Quadrant::mere_mortal;
}

bool outcome_fits(Outcome outcome, Quadrant q) {
    switch (outcome) {
        case Outcome::delighted: return q == Quadrant::best_in_class || q == Quadrant::kept_the_customer;
        case Outcome::satisfied: return q != Quadrant::mere_mortal;
        case Outcome::neutral: return q != Quadrant::best_in_class;  // both needs met leaves nobody indifferent
        case Outcome::lost:
        case Outcome::complaint: return q != Quadrant::best_in_class;
    }
    return true;
}

int quadrant_rank(Quadrant q) {
    switch (q) {
        case Quadrant::best_in_class: return 3;
        case Quadrant::kept_the_customer: return 2;  // the person first
        case Quadrant::fixed_it_lost_them: return 1;
        case Quadrant::mere_mortal: return 0;
    }
    return 0;
}

bool better_result(Quadrant a, double a_technical_percent, double a_personal_percent, Quadrant b,
                   double b_technical_percent, double b_personal_percent) {
    if (quadrant_rank(a) != quadrant_rank(b)) return quadrant_rank(a) > quadrant_rank(b);
    return a_technical_percent + a_personal_percent > b_technical_percent + b_personal_percent;
}

double percent_of_best(int64_t raw, int64_t best) {
    // With nothing to earn on a need, any path meets it; a negative total is 0%.
    if (best <= 0) return raw >= best ? 100.0 : 0.0;
    return std::clamp(100.0 * static_cast<double>(raw) / static_cast<double>(best), 0.0, 100.0);
}

double need_percent(const ScoreBounds& bounds, Need need, int64_t raw) {
    return percent_of_best(raw, need == Need::technical ? bounds.full_technical : bounds.full_personal);
}

double most_possible_percent(const ScoreBounds& bounds, Need need) {
    return need_percent(bounds, need, need == Need::technical ? bounds.best_technical : bounds.best_personal);
}

AttemptScore score_attempt(const Scenario& s, const ScoreBounds& bounds, const Runner& run) {
    AttemptScore out;
    const CallState& st = run.state();
    out.technical = st.technical;
    out.personal = st.personal;
    out.best_technical = bounds.best_technical;
    out.best_personal = bounds.best_personal;
    out.full_technical = bounds.full_technical;
    out.full_personal = bounds.full_personal;
    out.technical_percent = need_percent(bounds, Need::technical, st.technical);
    out.personal_percent = need_percent(bounds, Need::personal, st.personal);
    out.technical_met = out.technical_percent >= s.pass.technical;
    out.personal_met = out.personal_percent >= s.pass.personal;
    out.quadrant = quadrant_for(out.technical_met, out.personal_met);
    out.mood = st.mood;
    out.finished = st.ended();
    out.ending = st.ending;
    if (st.ended()) out.outcome = s.ending(st.ending).outcome;
    for (const TranscriptEntry& e : run.transcript()) {
        if (e.kind != TranscriptEntry::Kind::choice) continue;
        const Choice& c = s.node(e.node).choice(e.choice);
        for (const auto& skill : c.skills)
            if (std::find(out.skills.begin(), out.skills.end(), skill) == out.skills.end()) out.skills.push_back(skill);
    }
    return out;
}

}  // namespace frontline
