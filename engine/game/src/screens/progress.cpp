// Progress: one trainee across sessions. Both needs over time, the quadrant with
// every finished attempt, the best result per scenario, and the six best-in-class
// behaviours as a profile built from the choices made. Reads g.results.progress,
// which the OpenProgress intent loaded from the store.
//
// Sections: helpers / left column (quadrant) / right column (time, bests, skills).
#include "charts.hpp"
#include "screens.hpp"
#include "theme.hpp"

#include <SDL_scancode.h>

#include <algorithm>
#include <cstdio>

namespace frontline::game {

namespace {

ImU32 quadrant_color(Quadrant q) {
    const Palette& p = palette();
    switch (q) {
    case Quadrant::best_in_class: return p.good;
    case Quadrant::kept_the_customer: return p.personal;
    case Quadrant::fixed_it_lost_them: return p.technical;
    case Quadrant::mere_mortal: return p.bad;
    }
    return p.accent;
}

void section(const char* title) {
    ImGui::Spacing();
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
}

void draw_quadrant_column(const ProgressModel& m, float width) {
    const Palette& p = palette();
    section(tr("Where your calls land"));
    std::vector<PathPoint> dots;
    std::vector<ImU32> colors;
    for (const results::AttemptSummary& a : m.attempts) {
        dots.push_back({a.score->technical_percent, a.score->personal_percent});
        colors.push_back(quadrant_color(a.score->quadrant));
    }
    // Pass marks can differ per scenario; the chart uses the latest call's, and
    // each dot keeps the colour of the quadrant it was scored in.
    int pass_t = m.attempts.empty() ? 70 : m.attempts.back().score->technical_pass;
    int pass_p = m.attempts.empty() ? 70 : m.attempts.back().score->personal_pass;
    float size = std::min(width, ImGui::GetFontSize() * 16);
    draw_quadrant_dots(dots, colors, pass_t, pass_p, size);
    for (const results::QuadrantCount& q : m.quadrants) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImVec2 at = ImGui::GetCursorScreenPos();
        float r = ImGui::GetFontSize() * 0.3f;
        dl->AddCircleFilled(ImVec2(at.x + r, at.y + ImGui::GetTextLineHeight() * 0.5f), r, quadrant_color(q.quadrant), 16);
        ImGui::SetCursorScreenPos(ImVec2(at.x + r * 3, at.y));
        ImGui::Text("%s: %d", quadrant_text(q.quadrant), q.attempts);
    }
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text_dim), "%s", tr("Ringed: your latest call."));
}

void draw_over_time(const ProgressModel& m, float width) {
    const Palette& p = palette();
    section(tr("Both needs, call by call"));
    std::vector<PathPoint> points;
    for (const results::AttemptSummary& a : m.attempts)
        points.push_back({a.score->technical_percent, a.score->personal_percent});
    draw_needs_over_time(points, width, ImGui::GetFontSize() * 7);
    // Legend: the chart's own shapes (square, circle), so it reads without colour.
    auto swatch = [](ImU32 c, bool square) {
        ImVec2 at = ImGui::GetCursorScreenPos();
        float r = ImGui::GetFontSize() * 0.3f, cy = at.y + ImGui::GetTextLineHeight() * 0.5f;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        if (square) dl->AddRectFilled(ImVec2(at.x, cy - r), ImVec2(at.x + r * 2, cy + r), c);
        else dl->AddCircleFilled(ImVec2(at.x + r, cy), r, c, 16);
        ImGui::Dummy(ImVec2(r * 2.5f, ImGui::GetTextLineHeight()));
        ImGui::SameLine();
    };
    swatch(p.technical, true);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.technical), "%s", tr("Technical need"));
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    swatch(p.personal, false);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.personal), "%s", tr("Personal need"));
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    ImGui::TextColored(
        ImGui::ColorConvertU32ToFloat4(p.text_dim), "%s",
        fmt(tr_n("%lu finished call", "%lu finished calls", static_cast<unsigned long>(m.attempts.size())),
            static_cast<unsigned long>(m.attempts.size()))
            .c_str());
}

void draw_bests(const ProgressModel& m, UiState& ui) {
    const Palette& p = palette();
    section(tr("Best result per call"));
    if (m.best.empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text_dim), "%s", tr("No finished calls yet."));
        return;
    }
    if (ImGui::BeginTable("bests", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(tr("Call"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn(tr("Quadrant"), ImGuiTableColumnFlags_WidthStretch, 2.2f);
        ImGui::TableSetupColumn(tr("Technical / personal"), ImGuiTableColumnFlags_WidthStretch, 2.2f);
        ImGui::TableSetupColumn(tr("Calls"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
        ImGui::TableHeadersRow();
        for (const results::ScenarioBest& b : m.best) {
            const results::StoredScore& s = *b.best.score;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(b.scenario_title.c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(quadrant_color(s.quadrant)), "%s",
                               quadrant_text(s.quadrant));
            ImGui::TableNextColumn();
            ImGui::Text("%.0f%% / %.0f%%", s.technical_percent, s.personal_percent);
            ImGui::TableNextColumn();
            ImGui::Text("%d", b.attempts);
        }
        ImGui::EndTable();
        remember(ui, "best per scenario");
    }
}

/// Replay gain: on each scenario played more than once, the first call against the best.
void draw_gain(const ProgressModel& m, UiState& ui) {
    const Palette& p = palette();
    section(tr("Replay gain: first call against your best"));
    std::vector<const results::ReplayGain*> replayed;
    for (const results::ReplayGain& g : m.gain.pairs)
        if (g.calls >= 2) replayed.push_back(&g);
    if (replayed.empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text_dim), "%s",
                           tr("Retry a call to see how much you gain."));
        remember(ui, "replay gain");
        return;
    }
    if (m.gain.median_personal_gain && replayed.size() >= 2)  // a median of one call says nothing new
        ImGui::TextColored(
            ImGui::ColorConvertU32ToFloat4(p.text_dim), "%s",
            fmt(tr("Median gain: personal %+.0f, technical %+.0f points; the best came at call %.1f "
                   "(median)."),
                *m.gain.median_personal_gain, *m.gain.median_technical_gain, *m.gain.median_attempts_to_best)
                .c_str());
    if (ImGui::BeginTable("gain", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(tr("Call"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn(tr("Personal: first / best"), ImGuiTableColumnFlags_WidthStretch, 2.2f);
        ImGui::TableSetupColumn(tr("Technical: first / best"), ImGuiTableColumnFlags_WidthStretch, 2.2f);
        ImGui::TableSetupColumn(tr("Best at call"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        for (const results::ReplayGain* g : replayed) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(g->title.c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.personal), "%.0f%% -> %.0f%% (%+.0f)", g->first_personal,
                               g->best_personal, g->personal_gain());
            ImGui::TableNextColumn();
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.technical), "%.0f%% -> %.0f%% (%+.0f)", g->first_technical,
                               g->best_technical, g->technical_gain());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(fmt(tr("%d of %d"), g->attempts_to_best, g->calls).c_str());
        }
        ImGui::EndTable();
    }
    remember(ui, "replay gain");
}

void draw_skills(const ProgressModel& m, UiState& ui) {
    const Palette& p = palette();
    section(tr("Best-in-class behaviours you practise"));
    const auto& known = known_skills();
    int most = 1;
    for (const results::SkillCount& k : m.skills) most = std::max(most, k.choices);
    for (const results::SkillCount& k : m.skills) {
        if (std::find(known.begin(), known.end(), k.skill) == known.end()) continue;  // the six first and only
        // Two counts, two plurals: "3 choices" + " in 1 call".
        const std::string value =
            fmt(tr_n("%d choice", "%d choices", static_cast<unsigned long>(k.choices)), k.choices) +
            fmt(tr_n(" in %d call", " in %d calls", static_cast<unsigned long>(k.attempts)), k.attempts);
        std::string label = skill_label(k.skill);
        if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
        meter(label.c_str(), 100.0 * k.choices / most, k.choices > 0 ? p.accent : p.chart_grid, value.c_str());
    }
    remember(ui, "skill profile");
}

}  // namespace

Intent draw_progress(const GameState& g, UiState& ui) {
    const ProgressModel& m = g.results.progress;
    Intent out;
    heading(m.trainee.empty() ? std::string(tr("Progress")) : fmt(tr("%s's progress"), m.trainee.c_str()));
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - label_width(tr("Library (Esc)")) -
                    ImGui::GetStyle().FramePadding.x * 2);
    if (action_button(tr_label("Library (Esc)"))) keep_first(out, intent::BackToLibrary{});
    remember(ui, "library");
    if (key_pressed(SDL_SCANCODE_ESCAPE)) keep_first(out, intent::BackToLibrary{});

    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
    ImGui::BeginChild("progress", ImVec2(0, 0), false);
    const float avail = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
    const float spacing = ImGui::GetStyle().ItemSpacing.x * 3;
    // Two columns when both fit legibly, else one under the other.
    const bool two = avail > ImGui::GetFontSize() * 40;
    const float left_w = two ? std::min(avail * 0.38f, ImGui::GetFontSize() * 17) : avail;
    ImGui::BeginGroup();
    draw_quadrant_column(m, left_w);
    ImGui::EndGroup();
    remember(ui, "progress quadrant");
    if (two) ImGui::SameLine(0, spacing);
    ImGui::BeginGroup();
    const float right_w = two ? avail - left_w - spacing : avail;
    draw_over_time(m, right_w);
    remember(ui, "needs over time");
    draw_bests(m, ui);
    draw_gain(m, ui);
    draw_skills(m, ui);
    ImGui::EndGroup();
    ImGui::EndChild();
    ImGui::PopStyleColor();
    return out;
}

}  // namespace frontline::game
