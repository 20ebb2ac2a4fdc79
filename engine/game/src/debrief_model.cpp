#include "debrief_model.hpp"

#include "frontline/scoring.hpp"

namespace frontline::game {

DebriefModel build_debrief(const Scenario& s, const ScoreBounds& bounds, const Runner& run) {
    DebriefModel d;
    const CallState start = initial_state(s);
    d.path.push_back({need_percent(bounds, Need::technical, 0), need_percent(bounds, Need::personal, 0)});
    d.mood_curve.push_back(start.mood);

    std::string last_customer;
    int dead_air = 0;
    for (const TranscriptEntry& e : run.transcript()) {
        switch (e.kind) {
        case TranscriptEntry::Kind::customer:
            last_customer = e.text;
            break;
        case TranscriptEntry::Kind::dead_air:
        case TranscriptEntry::Kind::walkout:
            dead_air += e.mood;
            if (e.mood != 0) d.mood_curve.push_back(e.mood_after);
            if (e.kind == TranscriptEntry::Kind::walkout) d.walked_out = true;
            break;
        case TranscriptEntry::Kind::choice: {
            TurnReview t;
            t.turn = static_cast<int>(d.turns.size()) + 1;
            t.node = e.node;
            t.customer = last_customer;
            t.choice = e.choice;
            t.say = e.text;
            t.feedback = e.feedback;
            t.technical = e.technical;
            t.personal = e.personal;
            t.mood = e.mood;
            t.mood_after = e.mood_after;
            t.dead_air_mood = dead_air;
            t.seconds = e.seconds;
            t.technical_percent_after = need_percent(bounds, Need::technical, e.technical_total);
            t.personal_percent_after = need_percent(bounds, Need::personal, e.personal_total);
            dead_air = 0;
            // Paths not taken need the state the choice was made in; the game
            // records it, so conditions on mood or vars are judged exactly.
            size_t i = d.turns.size();
            if (i < run.path().size() && e.node >= 0 && e.node < static_cast<int>(s.nodes.size())) {
                const Node& node = s.node(e.node);
                for (int c : visible_choices(s, run.state_before(i))) {
                    if (c == e.choice) continue;
                    const Choice& ch = node.choice(c);
                    t.not_taken.push_back({c, ch.say, ch.feedback, ch.technical, ch.personal, ch.mood});
                }
            }
            d.path.push_back({t.technical_percent_after, t.personal_percent_after});
            d.mood_curve.push_back(e.mood_after);
            d.turns.push_back(std::move(t));
            break;
        }
        case TranscriptEntry::Kind::ending:
            d.ending = e.ending;
            d.ending_text = e.text;
            break;
        }
    }
    if (const Ending* end = run.ending()) {
        d.ending_id = end->id;
        d.outcome = end->outcome;
        if (d.ending_text.empty()) d.ending_text = end->text;
        if (d.ending < 0) d.ending = run.state().ending;
    }
    d.walked_out = d.walked_out || run.state().walked_out;
    return d;
}

}  // namespace frontline::game
