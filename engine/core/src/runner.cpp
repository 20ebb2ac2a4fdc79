#include "frontline/runner.hpp"

#include <algorithm>
#include <cmath>

namespace frontline {

CallState initial_state(const Scenario& s) {
    CallState st;
    st.node = s.start;
    st.mood = std::clamp(s.customer.mood, 0, 100);
    st.vars.reserve(s.vars.size());
    for (const auto& v : s.vars) st.vars.push_back(v.initial);
    return st;
}

Environment environment_of(const CallState& st) {
    Environment env;
    env.vars = st.vars;
    env.builtins[static_cast<int>(Builtin::mood)] = st.mood;
    env.builtins[static_cast<int>(Builtin::technical)] = st.technical;
    env.builtins[static_cast<int>(Builtin::personal)] = st.personal;
    env.builtins[static_cast<int>(Builtin::turn)] = st.turn;
    return env;
}

std::vector<int> visible_choices(const Scenario& s, const CallState& st) {
    std::vector<int> out;
    if (st.ended() || st.node < 0) return out;
    const Node& node = s.nodes[static_cast<size_t>(st.node)];
    Environment env = environment_of(st);
    for (size_t i = 0; i < node.choices.size(); ++i) {
        const Expression& cond = node.choices[i].condition;
        if (cond.empty() || cond.evaluate(env) != 0) out.push_back(static_cast<int>(i));
    }
    return out;
}

const CustomerLine* customer_line(const Scenario& s, const CallState& st) {
    if (st.ended() || st.node < 0) return nullptr;
    const Node& node = s.nodes[static_cast<size_t>(st.node)];
    Environment env = environment_of(st);
    for (const auto& line : node.customer)
        if (line.condition.empty() || line.condition.evaluate(env) != 0) return &line;
    return nullptr;
}

namespace {
bool should_walk_out(const Scenario& s, const CallState& st) {
    return s.customer.walkout && st.mood < s.customer.walkout->below;
}
void walk_out(const Scenario& s, CallState& st) {
    st.ending = s.customer.walkout->ending;
    st.node = -1;
    st.walked_out = true;
}
}  // namespace

CallState apply_choice(const Scenario& s, const CallState& state, int choice) {
    const Choice& c = s.nodes[static_cast<size_t>(state.node)].choices[static_cast<size_t>(choice)];
    CallState next = state;
    next.technical += c.technical;
    next.personal += c.personal;
    next.mood = std::clamp(next.mood + c.mood, 0, 100);
    // Assignments run in order and each sees the ones before it (and the new meters).
    for (const Assignment& a : c.set) {
        Environment env = environment_of(next);
        next.vars[static_cast<size_t>(a.var)] = a.value.evaluate(env);
    }
    next.turn += 1;
    if (c.next.is_ending()) {
        next.ending = c.next.index;
        next.node = -1;
    } else {
        next.node = c.next.index;
        if (should_walk_out(s, next)) walk_out(s, next);
    }
    return next;
}

// --- Runner -------------------------------------------------------------------

Runner::Runner(const Scenario& scenario, ChoiceOrder order)
    : scenario_(&scenario), state_(initial_state(scenario)), order_(order) {
    enter_current();
}

Runner::Runner(const Scenario& scenario, CallState start, ChoiceOrder order)
    : scenario_(&scenario), state_(std::move(start)), order_(order) {
    enter_current();
}

const Node* Runner::node() const {
    return state_.node >= 0 ? &scenario_->nodes[static_cast<size_t>(state_.node)] : nullptr;
}

const Ending* Runner::ending() const {
    return state_.ending >= 0 ? &scenario_->endings[static_cast<size_t>(state_.ending)] : nullptr;
}

namespace {

/// What every transcript entry carries about the call once it applied: mood and both
/// running totals (the debrief's curves and the exports read them).
void stamp_totals(TranscriptEntry& e, const CallState& state) {
    e.mood_after = state.mood;
    e.technical_total = state.technical;
    e.personal_total = state.personal;
}

}  // namespace

const TranscriptEntry* Runner::last_choice() const {
    for (auto it = transcript_.rbegin(); it != transcript_.rend(); ++it)
        if (it->kind == TranscriptEntry::Kind::choice) return &*it;
    return nullptr;
}

void Runner::enter_current() {
    silence_ = 0;
    dead_air_mood_lost_ = 0;
    TranscriptEntry e;
    e.kind = TranscriptEntry::Kind::customer;
    e.turn = state_.turn;
    e.node = state_.node;
    if (const CustomerLine* line = customer_line(*scenario_, state_)) e.text = line->text;
    stamp_totals(e, state_);
    transcript_.push_back(std::move(e));
}

void Runner::record_ending() {
    if (state_.walked_out) {
        TranscriptEntry w;
        w.kind = TranscriptEntry::Kind::walkout;
        w.turn = state_.turn;
        stamp_totals(w, state_);
        transcript_.push_back(std::move(w));
    }
    TranscriptEntry e;
    e.kind = TranscriptEntry::Kind::ending;
    e.turn = state_.turn;
    e.ending = state_.ending;
    e.text = ending()->text;
    stamp_totals(e, state_);
    transcript_.push_back(std::move(e));
}

bool Runner::choose(int choice, double seconds_taken) {
    if (finished()) return false;
    std::vector<int> visible = choices();
    auto shown = std::find(visible.begin(), visible.end(), choice);
    if (shown == visible.end()) return false;
    const int from = state_.node;
    const std::vector<int> on_screen = presented();
    const int presented_at = static_cast<int>(std::find(on_screen.begin(), on_screen.end(), choice) - on_screen.begin()) + 1;
    const Choice& c = node()->choices[static_cast<size_t>(choice)];
    CallState before = state_;
    checkpoints_.push_back({state_, transcript_.size(), silence_, dead_air_mood_lost_});
    state_ = apply_choice(*scenario_, state_, choice);
    path_.push_back(choice);

    TranscriptEntry e;
    e.kind = TranscriptEntry::Kind::choice;
    e.turn = before.turn;
    e.node = from;
    e.choice = choice;
    e.shown = static_cast<int>(shown - visible.begin()) + 1;
    e.presented = presented_at;
    e.text = c.say;
    e.feedback = c.feedback;
    e.technical = c.technical;
    e.personal = c.personal;
    e.mood = state_.mood - before.mood;  // the clamped change, what the customer felt
    stamp_totals(e, state_);
    e.seconds = seconds_taken;
    transcript_.push_back(std::move(e));

    if (finished()) record_ending();
    else enter_current();
    return true;
}

bool Runner::choose_visible(int number, double seconds_taken) {
    std::vector<int> visible = choices();
    if (number < 1 || number > static_cast<int>(visible.size())) return false;
    return choose(visible[static_cast<size_t>(number - 1)], seconds_taken);
}

bool Runner::rewind(size_t turn, ChoiceOrder order) {
    if (turn >= path_.size()) return false;
    const Checkpoint at = checkpoints_[turn];
    state_ = at.state;
    transcript_.resize(at.transcript_size);
    silence_ = at.silence;
    dead_air_mood_lost_ = at.dead_air_mood_lost;
    path_.resize(turn);
    checkpoints_.resize(turn);
    order_ = order;
    return true;
}

bool Runner::choose_presented(int number, double seconds_taken) {
    std::vector<int> on_screen = presented();
    if (number < 1 || number > static_cast<int>(on_screen.size())) return false;
    return choose(on_screen[static_cast<size_t>(number - 1)], seconds_taken);
}

void Runner::wait(double seconds) {
    if (finished() || !(seconds > 0)) return;
    silence_ += seconds;
    if (!scenario_->patience) return;
    const auto& p = *scenario_->patience;
    double over = silence_ - p.grace;
    if (over <= 0) return;
    // Whole mood points only, so many small waits cost the same as one long one.
    int due = static_cast<int>(std::floor(over * p.drain));
    int loss = due - dead_air_mood_lost_;
    if (loss <= 0) return;
    dead_air_mood_lost_ = due;
    int before = state_.mood;
    state_.mood = std::clamp(state_.mood - loss, 0, 100);

    // One dead-air entry per node: extend it rather than flooding the transcript.
    TranscriptEntry* last = transcript_.empty() ? nullptr : &transcript_.back();
    if (!last || last->kind != TranscriptEntry::Kind::dead_air || last->turn != state_.turn) {
        TranscriptEntry e;
        e.kind = TranscriptEntry::Kind::dead_air;
        e.turn = state_.turn;
        e.node = state_.node;
        transcript_.push_back(std::move(e));
        last = &transcript_.back();
    }
    last->mood += state_.mood - before;
    last->seconds = silence_;
    stamp_totals(*last, state_);

    if (should_walk_out(*scenario_, state_)) {
        walk_out(*scenario_, state_);
        record_ending();
    }
}

Runner replay(const Scenario& s, std::span<const int> path, size_t* applied, ChoiceOrder order) {
    Runner r(s, order);
    size_t n = 0;
    for (int choice : path) {
        if (!r.choose(choice)) break;
        ++n;
    }
    if (applied) *applied = n;
    return r;
}

std::string_view entry_kind_name(TranscriptEntry::Kind k) {
    switch (k) {
        case TranscriptEntry::Kind::customer: return "customer";
        case TranscriptEntry::Kind::choice: return "choice";
        case TranscriptEntry::Kind::dead_air: return "dead_air";
        case TranscriptEntry::Kind::walkout: return "walkout";
        case TranscriptEntry::Kind::ending: return "ending";
    }
    return "?";
}

}  // namespace frontline
