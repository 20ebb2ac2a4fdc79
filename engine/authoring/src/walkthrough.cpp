// run_walkthrough: play the steps, then compare the call with each expectation.
#include "frontline/walkthrough.hpp"

#include "choice_text.hpp"

#include "frontline/scoring.hpp"

#include <cmath>

namespace frontline {

using namespace authoring_detail;

int resolve_step(const Runner& run, const Walkthrough::Step& step, std::string& why) {
    const std::vector<int> visible = run.choices();
    const Node* node = run.node();
    if (!node) {
        why = "the call has already ended";
        return -1;
    }
    if (step.prefix.empty()) {
        if (step.index < 1 || step.index > static_cast<int>(visible.size())) {
            why = "choice " + std::to_string(step.index) + " does not exist at '" + node->id + "': " +
                  std::to_string(visible.size()) + (visible.size() == 1 ? " choice is" : " choices are") + " shown";
            return -1;
        }
        return visible[static_cast<size_t>(step.index - 1)];
    }
    std::vector<int> matches;
    for (int c : visible)
        if (node->choice(c).say.starts_with(step.prefix)) matches.push_back(c);
    if (matches.size() == 1) return matches[0];
    if (matches.empty()) {
        why = "no choice shown at '" + node->id + "' starts with \"" + step.prefix + "\"; the choices are:";
        for (size_t i = 0; i < visible.size(); ++i)
            why += " " + std::to_string(i + 1) + ". " + quoted_choice(node->choices[static_cast<size_t>(visible[i])].say);
    } else {
        why = "\"" + step.prefix + "\" starts " + std::to_string(matches.size()) + " choices at '" + node->id + "':";
        for (int c : matches) why += " " + quoted_choice(node->choice(c).say);
        why += "; use more of the text";
    }
    return -1;
}

namespace {

bool transcript_contains(const Runner& run, std::string_view needle) {
    for (const TranscriptEntry& e : run.transcript())
        if (e.text.find(needle) != std::string::npos || e.feedback.find(needle) != std::string::npos) return true;
    return false;
}

/// Checks a value against an expected range; reports at the range's line.
bool within(const std::optional<Walkthrough::Range>& range, long value, std::string_view what, std::string_view unit,
            const std::string& name, DiagnosticList& diags) {
    if (!range || (value >= range->min && value <= range->max)) return true;
    std::string expected = range->min == range->max ? std::to_string(range->min)
                                                    : std::to_string(range->min) + ".." + std::to_string(range->max);
    diags.error(codes::expectation_failed, range->pos,
                "walkthrough '" + name + "': " + std::string(what) + " is " + std::to_string(value) +
                    std::string(unit) + ", expected " + expected + std::string(unit));
    return false;
}

}  // namespace

WalkthroughResult run_walkthrough(const Scenario& s, const ScoreBounds& bounds, const Walkthrough& w, DiagnosticList& diags) {
    WalkthroughResult result;
    result.name = w.name;
    result.pos = w.pos;
    Runner run(s);
    const int errors_before = diags.error_count();
    for (size_t i = 0; i < w.steps.size(); ++i) {
        const Walkthrough::Step& step = w.steps[i];
        if (run.finished()) {
            diags.error(codes::ended_early, step.pos,
                        "walkthrough '" + w.name + "': the call already ended at '" + run.ending()->id + "' after " +
                            std::to_string(i) + (i == 1 ? " choice" : " choices") + "; remove the steps from here on");
            break;
        }
        std::string why;
        int choice = resolve_step(run, step, why);
        if (choice < 0) {
            diags.error(codes::step_not_taken, step.pos,
                        "walkthrough '" + w.name + "', step " + std::to_string(i + 1) + ": " + why);
            break;
        }
        result.says.push_back(run.node()->choice(choice).say);
        run.choose(choice);
    }
    const bool steps_ok = diags.error_count() == errors_before;
    result.ending = run.state().ending;

    // Expectations are compared only after every step was taken; otherwise they would mislead.
    if (steps_ok) {
        const bool wants_end = !w.ending.empty() || w.outcome.has_value();
        if (wants_end && !run.finished()) {
            SourcePos at = !w.ending.empty() ? w.ending_pos : w.outcome_pos;
            diags.error(codes::not_ended, at,
                        "walkthrough '" + w.name + "': the call has not ended after " + std::to_string(w.steps.size()) +
                            " choices; it is at '" + run.node()->id + "'");
        }
        if (run.finished()) {
            const Ending& got = *run.ending();
            if (!w.ending.empty() && got.id != w.ending)
                diags.error(codes::expectation_failed, w.ending_pos,
                            "walkthrough '" + w.name + "': ended at '" + got.id + "', expected '" + w.ending + "'");
            if (w.outcome && got.outcome != *w.outcome)
                diags.error(codes::expectation_failed, w.outcome_pos,
                            "walkthrough '" + w.name + "': outcome is " + std::string(outcome_name(got.outcome)) +
                                ", expected " + std::string(outcome_name(*w.outcome)));
        }
        AttemptScore score = score_attempt(s, bounds, run);
        within(w.technical, std::lround(score.technical_percent), "technical", "%", w.name, diags);
        within(w.personal, std::lround(score.personal_percent), "personal", "%", w.name, diags);
        within(w.mood, run.state().mood, "mood", "", w.name, diags);
        for (const auto& [line, pos] : w.lines)
            if (!transcript_contains(run, line))
                diags.error(codes::expectation_failed, pos,
                            "walkthrough '" + w.name + "': \"" + line + "\" does not appear in the call");
    }
    result.passed = diags.error_count() == errors_before;
    return result;
}

}  // namespace frontline
