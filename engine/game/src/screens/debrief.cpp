// Debrief: how it ended, where the call landed on the quadrant and how it got
// there, the mood over the call, every choice with its effects and the paths
// not taken, the needs and the learning points. Retry, retry from a turn, next.
//
// Sections: header and buttons / charts column / review column.
#include "charts.hpp"
#include "portrait.hpp"
#include "screens.hpp"
#include "theme.hpp"

#include <SDL_scancode.h>

#include <algorithm>
#include <cstdio>

namespace frontline::game {

namespace {

ImU32 outcome_color(Outcome o) {
    const Palette& p = palette();
    switch (o) {
    case Outcome::delighted:
    case Outcome::satisfied: return p.good;
    case Outcome::neutral: return p.text_dim;
    case Outcome::lost:
    case Outcome::complaint: return p.bad;
    }
    return p.text;
}

std::string capitalised(std::string_view s) {
    std::string out(s);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

void section(const char* title) {
    ImGui::Spacing();
    ImGui::PushFont(fonts().small);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().text_dim), "%s", title);
    ImGui::PopFont();
}

void effects(int technical, int personal, int mood) {
    const Palette& p = palette();
    ImGui::PushFont(fonts().small);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.technical), "%s",
                       fmt(tr("Technical %s"), signed_number(technical).c_str()).c_str());
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.personal), "  %s",
                       fmt(tr("Personal %s"), signed_number(personal).c_str()).c_str());
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.mood), "  %s",
                       fmt(tr("Mood %s"), signed_number(mood).c_str()).c_str());
    ImGui::PopFont();
}

/// How other trainees answered at this turn's node, the trainee's own answer marked.
/// Shown once the node has min_group_size answers from others, so no one is singled out.
void draw_others(const GameState& g, UiState& ui, const TurnReview& t) {
    const Palette& p = palette();
    if (!g.results.others_answers || t.node < 0) return;
    const std::string& node_id = current_scenario(g).node(t.node).id;
    const auto& points = g.results.others_answers->points;
    const auto at = std::find_if(points.begin(), points.end(), [&](const results::ChoicePoint& c) { return c.node == node_id; });
    ImGui::PushFont(fonts().small);
    if (at == points.end() || !at->shown) {
        const int have = at == points.end() ? 0 : at->answers;
        text_wrapped_colored(p.text_dim, fmt(tr("How others answered here: shown from %d answers by other trainees (%d "
                                                "so far)."),
                                             results::min_group_size, have));
        ImGui::PopFont();
        remember(ui, "others " + std::to_string(t.turn));
        return;
    }
    text_wrapped_colored(
        p.text_dim, fmt(tr_n("How %d answer by another trainee went here:",
                             "How %d answers by other trainees went here:", static_cast<unsigned long>(at->answers)),
                        at->answers));
    ImGui::BeginGroup();
    const float bar_w = ImGui::GetFontSize() * 5;
    for (const results::AnswerShare& a : at->options) {
        if (!a.in_file) continue;
        const bool mine = a.choice_index == t.choice;
        char pct[16];
        std::snprintf(pct, sizeof pct, "%3.0f%%", 100 * a.share);
        {  // the share as a small bar, so a glance finds the answer most people chose
            const ImVec2 at_px = ImGui::GetCursorScreenPos();
            const float h = ImGui::GetTextLineHeight() * 0.6f, y = at_px.y + ImGui::GetTextLineHeight() * 0.2f;
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->AddRectFilled(ImVec2(at_px.x, y), ImVec2(at_px.x + bar_w, y + h), p.chart_grid);
            dl->AddRectFilled(ImVec2(at_px.x, y), ImVec2(at_px.x + bar_w * static_cast<float>(a.share), y + h),
                              mine ? p.accent : (a.personal < 0 ? p.bad : p.good));
            ImGui::Dummy(ImVec2(bar_w, ImGui::GetTextLineHeight()));
        }
        ImGui::SameLine();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(mine ? p.accent : p.text), "%s", pct);
        ImGui::SameLine();
        std::string say = a.say.size() > 70 ? a.say.substr(0, 67) + "..." : a.say;
        text_wrapped_colored(mine ? p.accent : p.text_dim, (mine ? std::string(tr("You: ")) : std::string()) + say);
    }
    ImGui::EndGroup();
    ImGui::PopFont();
    remember(ui, "others " + std::to_string(t.turn));
}

void draw_turn(const GameState& g, UiState& ui, const TurnReview& t, Intent& out) {
    const Palette& p = palette();
    const Scenario& s = current_scenario(g);
    ImGui::PushID(t.turn);
    ImGui::Separator();
    ImGui::PushFont(fonts().small);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text_dim), "%s", fmt(tr("TURN %d"), t.turn).c_str());
    ImGui::PopFont();
    if (!t.customer.empty()) text_wrapped_colored(p.text_dim, s.customer.name + ": " + t.customer);
    text_wrapped_colored(p.text, tr("You: ") + t.say);
    effects(t.technical, t.personal, t.mood);
    if (t.dead_air_mood != 0) {
        ImGui::PushFont(fonts().small);
        text_wrapped_colored(p.warn, fmt(tr("Silence before this answer cost %d mood."), -t.dead_air_mood));
        ImGui::PopFont();
    }
    if (!t.feedback.empty()) text_wrapped_colored(p.accent, t.feedback);
    draw_others(g, ui, t);
    if (!t.not_taken.empty()) {
        std::string label = fmt(tr("Paths not taken (%d)"), static_cast<int>(t.not_taken.size()));
        if (ImGui::TreeNode("alternatives", "%s", label.c_str())) {
            for (const Alternative& a : t.not_taken) {
                text_wrapped_colored(p.text, fmt(tr("“%s”"), a.say.c_str()));
                effects(a.technical, a.personal, a.mood);
                // The coach's words on a path not taken are the lesson: full size, full contrast.
                if (!a.feedback.empty()) text_wrapped_colored(p.accent, a.feedback);
                ImGui::Spacing();
            }
            ImGui::TreePop();
        }
        remember(ui, "alternatives " + std::to_string(t.turn));
    }
    // Retry from here = replay the choices before this turn, then play on.
    if (action_button(tr_label("Retry from this turn"))) keep_first(out, intent::RetryFromTurn{t.turn - 1});
    remember(ui, "retry from " + std::to_string(t.turn));
    ImGui::PopID();
}

}  // namespace

Intent draw_debrief(const GameState& g, UiState& ui) {
    const Palette& p = palette();
    Intent out;
    if (!g.call || !g.call->debrief || !g.call->score) return out;
    const Scenario& s = current_scenario(g);
    const DebriefModel& d = *g.call->debrief;
    const AttemptScore& sc = *g.call->score;

    // Header: outcome, quadrant, the buttons.
    ImGui::PushFont(fonts().heading);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(outcome_color(d.outcome)), "%s",
                       capitalised(outcome_text(d.outcome)).c_str());
    ImGui::SameLine();
    ImGui::TextUnformatted("\xE2\x80\x94");
    ImGui::SameLine();
    ImGui::TextUnformatted(quadrant_text(sc.quadrant));
    ImGui::PopFont();
    remember(ui, "quadrant");
    std::string buf =
        fmt(g.mode == Mode::coach
                ? tr("Technical %.0f%%   ·   Personal %.0f%%   ·   Mood at the end %d   ·   Coach mode")
                : tr("Technical %.0f%%   ·   Personal %.0f%%   ·   Mood at the end %d   ·   Assessment mode"),
            sc.technical_percent, sc.personal_percent, sc.mood);
    text_wrapped_colored(p.text_dim, buf);
    if (in_playtest(g)) {
        const std::string& node = s.node(g.call->playtest->start.node).id;
        text_wrapped_colored(p.accent, fmt(tr("A playtest from '%s': the percentages are of the best that can be done "
                                              "from there. Nothing was recorded; Retry plays the same playtest again."),
                                           node.c_str()));
        remember(ui, "playtest note");
    }
    // Where a need could not be fully met, say so: a low percentage there is not a failing.
    for (Need need : {Need::technical, Need::personal}) {
        if (in_playtest(g)) break;  // a playtest is scored from where it started
        const double most = most_possible_percent(current_bounds(g), need);
        if (most >= 99.5) continue;
        buf =
            fmt(need == Need::technical ? tr("The technical need could not be fully met on this call: the most anyone "
                                             "could do here was %.0f%%.")
                                        : tr("The personal need could not be fully met on this call: the most anyone "
                                             "could do here was %.0f%%."),
                most);
        text_wrapped_colored(need == Need::technical ? p.technical : p.personal, buf);
        remember(ui, need == Need::technical ? "most technical" : "most personal");
    }
    text_wrapped_colored(p.text, d.ending_text);
    remember(ui, "ending");
    if (!outcome_fits(d.outcome, sc.quadrant)) {
        // The scenario's ending and the score disagree (lint reports it as FL074): say so,
        // rather than let the debrief contradict itself in silence.
        text_wrapped_colored(p.warn, fmt(tr("This ending says the customer is %s, but the call scored %s: the scenario "
                                            "needs a fix (frontline lint reports it as %s)."),
                                         outcome_text(d.outcome), quadrant_text(sc.quadrant),
                                         std::string(codes::outcome_contradicts_quadrant.id).c_str()));
        remember(ui, "ending mismatch");
    }

    if (action_button(tr_label("Retry (R)"), true)) keep_first(out, intent::Retry{});
    remember(ui, "retry");
    int next = next_scenario_index(g);
    if (next >= 0) {
        ImGui::SameLine();
        if (action_button(tr_label("Next scenario (N)"))) keep_first(out, intent::NextScenario{});
        remember(ui, "next");
        if (key_pressed(SDL_SCANCODE_N)) keep_first(out, intent::NextScenario{});
    }
    ImGui::SameLine();
    if (action_button(tr_label("Library (Esc)"))) keep_first(out, intent::BackToLibrary{});
    remember(ui, "library");
    if (author_map_allowed(g)) {  // author tools, coach mode: never a trainee's assessment
        ImGui::SameLine();
        // The author map from here shows how every trainee answered (S) and where calls stopped.
        if (action_button(tr_label("Author map (M)"))) keep_first(out, intent::OpenMap{});
        remember(ui, "author map");
        if (key_pressed(SDL_SCANCODE_M)) keep_first(out, intent::OpenMap{});
    }
    if (key_pressed(SDL_SCANCODE_R)) keep_first(out, intent::Retry{});
    if (key_pressed(SDL_SCANCODE_ESCAPE)) keep_first(out, intent::BackToLibrary{});
    ImGui::Spacing();

    // Charts column.
    const float avail_w = ImGui::GetContentRegionAvail().x;
    const float avail_h = ImGui::GetContentRegionAvail().y;
    const float chart_w = std::clamp(avail_w * 0.38f, ImGui::GetFontSize() * 12, ImGui::GetFontSize() * 30);
    ImGui::BeginChild("charts", ImVec2(chart_w, 0), false);
    // Size the quadrant so the lesson line and the mood curve fit below it
    // without scrolling at 1280x720; on a tall screen it grows to the column width.
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float mood_h = ImGui::GetFontSize() * 4.5f;
    const float below = fonts().small->FontSize * 3.2f + line * 2.5f;
    const float quad = std::min(chart_w - ImGui::GetStyle().ScrollbarSize, avail_h - below);
    draw_quadrant_chart(d.path, s.pass.technical, s.pass.personal, std::max(quad, ImGui::GetFontSize() * 8));
    remember(ui, "quadrant chart");
    ImGui::PushFont(fonts().small);
    text_wrapped_colored(p.text_dim, std::string(quadrant_lesson_text(sc.quadrant)));
    ImGui::PopFont();
    ImGui::EndChild();
    ImGui::SameLine();

    // Review column: the mood first (how it felt), then what was needed and why.
    ImGui::BeginChild("review", ImVec2(0, 0), true);
    if (ui.debrief_seen != g.calls_finished) {  // a new debrief opens at its top
        ui.debrief_seen = g.calls_finished;
        ImGui::SetScrollY(0);
    }
    keyboard_scroll();
    section(tr("MOOD OVER THE CALL"));
    draw_mood_curve(d.mood_curve, ImGui::GetContentRegionAvail().x, mood_h);
    remember(ui, "mood curve");
    section(tr("WHAT THE CUSTOMER NEEDED"));
    text_wrapped_colored(p.technical, fmt(tr("Technical: %s"), s.needs.technical.c_str()));
    text_wrapped_colored(p.personal, fmt(tr("Personal: %s"), s.needs.personal.c_str()));
    if (!s.debrief.empty()) {
        section(tr("LEARNING POINTS"));
        for (const std::string& point : s.debrief) {
            ImGui::Bullet();
            ImGui::SameLine();
            text_wrapped_colored(p.text, point);
        }
    }
    if (!sc.skills.empty()) {
        std::string skills;
        for (const std::string& k : sc.skills) skills += (skills.empty() ? "" : ", ") + skill_label(k);
        section(tr("SKILLS YOU PRACTISED"));
        text_wrapped_colored(p.text, skills);
    }
    section(tr("TURN BY TURN"));
    for (const TurnReview& t : d.turns) draw_turn(g, ui, t, out);
    if (d.walked_out) text_wrapped_colored(p.bad, fmt(tr("%s walked out."), s.customer.name.c_str()));
    ImGui::EndChild();
    remember(ui, "review");
    return out;
}

}  // namespace frontline::game
